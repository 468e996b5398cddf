import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the renderer into dist/renderer with relative asset paths (served by the host and by app://). */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
  },
});
