/** Hands bytes to the browser as a download under `name` (the desktop app asks where to save it). */
export function saveDownload(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; a later revoke frees the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
