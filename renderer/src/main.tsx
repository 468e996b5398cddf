document.getElementById("root")!.textContent = "Orchest Desktop";
