#!/usr/bin/env node
import { existsSync } from 'node:fs';

const cli = new URL('../dist/host/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  console.error('orchest-desktop: not built yet; run `npm run build` in the package folder.');
  process.exit(1);
}
await import(cli.href);
