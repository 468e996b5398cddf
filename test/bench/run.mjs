// `npm run bench`: the renderer's gzipped bundle size and the host's cold start to the first rendered
// project list in Chromium, sessions beside docker-compose, the proxy, logs, environments, runs, the pipeline
// graph and jobs, each beside a baseline measured in the same run.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 5;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function gzippedSize(folder) {
  let total = 0;
  for (const file of await fs.readdir(folder, { recursive: true })) {
    if (/\.(js|css|html)$/.test(file)) total += gzipSync(await fs.readFile(path.join(folder, file))).length;
  }
  return total;
}

/** The floor for any React app: react + react-dom rendering one element, built by the same Vite. */
async function reactHelloSize() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'od-bench-react-'));
  await fs.writeFile(path.join(root, 'index.html'), '<div id="root"></div><script type="module" src="./main.jsx"></script>');
  await fs.writeFile(
    path.join(root, 'main.jsx'),
    "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(<p>hello</p>);\n",
  );
  await build({ root, base: './', logLevel: 'silent', resolve: { alias: { react: path.join(repo, 'node_modules/react'), 'react-dom': path.join(repo, 'node_modules/react-dom') } }, build: { outDir: path.join(root, 'dist') } });
  const size = await gzippedSize(path.join(root, 'dist'));
  await fs.rm(root, { recursive: true, force: true });
  return size;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Starts a process, waits for its URL on stdout, and returns it with the process. */
function startServer(args, env, pattern) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function stop(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** From spawning the host to the project list rendered in an open browser page. */
async function hostColdStart(browser, workspace, home) {
  const page = await browser.newPage();
  const started = performance.now();
  const { child, url } = await startServer(
    [path.join(repo, 'bin/orchest-desktop.mjs'), 'serve', '--no-open', '--port', '0', '--workspace', workspace],
    { ORCHEST_DESKTOP_HOME: home },
    /serving at (\S+)/,
  );
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Projects' }).getByText('bench-project').waitFor();
  const elapsed = performance.now() - started;
  await page.close();
  await stop(child);
  return elapsed;
}

/** The floor: a Node process serving one static page, spawned and rendered the same way. */
async function staticColdStart(browser) {
  const page = await browser.newPage();
  const started = performance.now();
  const script = `require('http').createServer((q,s)=>s.end('<p>ready</p>')).listen(0,'127.0.0.1',function(){console.log('at http://127.0.0.1:'+this.address().port+'/')})`;
  const { child, url } = await startServer(['-e', script], {}, /at (\S+)/);
  await page.goto(url);
  await page.getByText('ready').waitFor();
  const elapsed = performance.now() - started;
  await page.close();
  await stop(child);
  return elapsed;
}

const bundle = await gzippedSize(path.join(repo, 'dist/renderer'));
const reactFloor = await reactHelloSize();
console.log(`renderer bundle, gzipped: ${(bundle / 1024).toFixed(1)} KiB; React hello-world baseline ${(reactFloor / 1024).toFixed(1)} KiB; ratio ${(bundle / reactFloor).toFixed(2)}`);

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'od-bench-'));
const workspace = path.join(dir, 'workspace');
await fs.mkdir(path.join(workspace, 'projects', 'bench-project'), { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const host = [];
  const floor = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(await staticColdStart(browser));
    host.push(await hostColdStart(browser, workspace, path.join(dir, 'home')));
  }
  const h = median(host);
  const f = median(floor);
  console.log(`host cold start to first project list (median of ${RUNS}): ${h.toFixed(0)} ms; static page baseline ${f.toFixed(0)} ms; ratio ${(h / f).toFixed(2)}`);
} finally {
  await browser.close();
  await fs.rm(dir, { recursive: true, force: true });
}

const { benchSessions } = await import('./sessions-bench.mjs');
await benchSessions(repo);

const { benchProxy } = await import('./proxy-bench.mjs');
await benchProxy(repo);

const { benchLogs } = await import('./logs-bench.mjs');
await benchLogs(repo);

const { benchEnvironments } = await import('./environments-bench.mjs');
await benchEnvironments(repo);

const { benchRuns } = await import('./runs-bench.mjs');
await benchRuns(repo);

const { benchGraph } = await import('./graph-bench.mjs');
await benchGraph(repo);

const { benchJobs, benchSnapshot } = await import('./jobs-bench.mjs');
await benchJobs(repo);
await benchSnapshot(repo);
