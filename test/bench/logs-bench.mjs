// Logs under a flood: a container prints N lines as fast as it can; lines per second from the
// container's start until all are in the log file and until the last one shows in the Logs view
// (Chromium through the host), beside `docker logs` of the same container to /dev/null in the same run,
// and beside `docker logs -f` following a like container from its start (what any follower that
// reads the engine's log store, rather than attaching, can reach); the host's peak memory at two sizes
// (it should not grow with the number of lines: compared at 1 and 3 million); and the longest main-thread task of the page during
// the flood, beside that of a page open through the same flood that is not the app. `node test/bench/logs-bench.mjs` runs it alone (after `npm run build`).
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { exec, withBenchProject } from './bench-host.mjs';

const IMAGE = 'orchest-desktop-test/busybox:1';
/** The largest two show whether memory grows with the lines; below a million the flood ends before the heap settles. */
const SIZES = [100_000, 1_000_000, 3_000_000];
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The baseline for the longest task: a page that is not the app, redrawing 60 rows with 1 ms of work
 * every 16 ms, open beside the Logs view through the same flood. What the machine's load alone does
 * to a page's tasks shows in it.
 */
const BASELINE_PAGE = `<div id=rows></div><script>
const rows = document.getElementById('rows');
for (let i = 0; i < 60; i++) rows.appendChild(document.createElement('div'));
let n = 0;
setInterval(() => { const start = performance.now(); n++; for (const row of rows.children) row.textContent = 'row ' + n + ' ' + Math.random(); while (performance.now() - start < 1); }, 16);
</script>`;

async function pageWatchingLongTasks(browser) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    globalThis.__longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) globalThis.__longestTask = Math.max(globalThis.__longestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  return page;
}

/** Prints N numbered lines of about 60 bytes, then idles so that the session stays up. */
const floodAwk = (lines) => `BEGIN { for (i = 1; i <= ${lines}; i++) printf "flood line %d of the benchmark, with some text to be longer\\n", i }`;
const floodScript = (lines) => `awk '${floodAwk(lines)}'\nwhile :; do sleep 1; done\n`;

async function rssKiB(pid) {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function timed(command, args) {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
  return performance.now() - started;
}

/** `docker logs -f` of a container printing the same lines (then exiting), from its start to its last line. */
async function dockerFollowMs(lines, label) {
  const { stdout } = await exec('docker', ['create', '--label', label, IMAGE, 'awk', floodAwk(lines)]);
  const id = stdout.trim();
  try {
    await exec('docker', ['start', id]);
    return await timed('docker', ['logs', '-f', id]);
  } finally {
    await exec('docker', ['rm', '-f', id]).catch(() => undefined);
  }
}

async function startedAt(container) {
  const { stdout } = await exec('docker', ['inspect', '--format', '{{.State.StartedAt}}', container]);
  return Date.parse(stdout.trim());
}

async function floodOnce(repo, browser, lines) {
  return withBenchProject(repo, 'bench-logs', async ({ host, client, project }) => {
    const projectId = project.uuid;
    await fs.writeFile(path.join(project.path, 'flood.sh'), floodScript(lines));
    const { revision } = await client.request('pipelines.get', { projectId, path: 'main.orchest' });
    const flood = { name: 'flood', image: IMAGE, scope: ['interactive'], command: 'sh', args: '/project-dir/flood.sh', binds: { '/project-dir': '/project-dir' }, ports: [8000], exposed: false, order: 0 };
    await client.request('pipelines.saveServices', { projectId, path: 'main.orchest', revision, services: { flood } });

    const page = await pageWatchingLongTasks(browser);
    const baseline = await pageWatchingLongTasks(browser);
    await baseline.goto(`data:text/html,${encodeURIComponent(BASELINE_PAGE)}`);
    const base = host.url.replace(/#.*$/, '');
    await page.goto(`${base}#/projects/${projectId}/pipelines/main.orchest/logs/flood`);
    await page.getByTestId('pipeline-view').waitFor();
    await page.waitForTimeout(500);
    for (const p of [page, baseline]) await p.evaluate(() => (globalThis.__longestTask = 0));

    let peak = await rssKiB(host.pid);
    const sampler = setInterval(async () => (peak = Math.max(peak, await rssKiB(host.pid))), 100);
    const session = await client.request('sessions.start', { projectId, path: 'main.orchest', wait: true });
    if (session.status !== 'RUNNING') throw new Error(`session ${session.status}: ${session.error?.message ?? ''}`);
    const container = session.services[0].containerName;
    const last = `flood line ${lines} of the benchmark`;
    // The Logs view follows the tail: the last line shows once every line has reached the page.
    const shown = page.getByText(last).first().waitFor({ timeout: 300_000 }).then(() => Date.now(), () => undefined);
    let diskAt;
    await until('every line in the log file', async () => {
      const { total } = await client.request('logs.read', { projectId, path: 'main.orchest', source: 'flood', count: 1, tail: true });
      if (total >= lines) diskAt ??= Date.now();
      return total >= lines;
    }, 300_000);
    const shownAt = await shown;
    clearInterval(sampler);
    const [longestTask, baselineTask] = await Promise.all([page, baseline].map((p) => p.evaluate(() => globalThis.__longestTask)));
    await Promise.all([page.close(), baseline.close()]);
    const start = await startedAt(container);
    const docker = await timed('docker', ['logs', container]);
    const follow = await dockerFollowMs(lines, `io.orchest-desktop.project=${projectId}`);
    return { lines, diskMs: diskAt - start, rendererMs: shownAt && shownAt - start, docker, follow, peakMiB: peak / 1024, longestTask, baselineTask };
  });
}

export async function benchLogs(repo) {
  await exec('bash', [path.join(repo, 'test/images/make-busybox.sh')]);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const runs = [];
  try {
    for (const lines of SIZES) runs.push(await floodOnce(repo, browser, lines));
  } finally {
    await browser.close();
  }
  const rate = (lines, ms) => (lines / (ms / 1000)).toFixed(0);
  console.log('logs under a flood (a container printing N lines of ~60 bytes as fast as it can):');
  for (const r of runs) {
    console.log(
      `  ${r.lines} lines: on disk ${rate(r.lines, r.diskMs)} lines/s, shown in the Logs view ${r.rendererMs ? `${rate(r.lines, r.rendererMs)} lines/s` : 'NOT within 300 s'}; ` +
        `docker logs to /dev/null ${rate(r.lines, r.docker)} lines/s; ratio (disk / docker logs) ${(r.docker / r.diskMs).toFixed(2)} (aim >= 0.5)`,
    );
    console.log(`    docker logs -f from a like container's start ${rate(r.lines, r.follow)} lines/s; ratio (disk / docker logs -f) ${(r.follow / r.diskMs).toFixed(2)}`);
    console.log(`    host peak RSS ${r.peakMiB.toFixed(0)} MiB; longest main-thread task in the page ${r.longestTask.toFixed(0)} ms (aim <= 100), in a page beside it that is not the app ${r.baselineTask.toFixed(0)} ms`);
  }
  const [small, middle, large] = runs;
  console.log(`  host peak memory, ${large.lines} lines / ${middle.lines} lines: ${(large.peakMiB / middle.peakMiB).toFixed(2)} (aim: about 1, not growing with the lines); ${middle.lines} / ${small.lines}: ${(middle.peakMiB / small.peakMiB).toFixed(2)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await benchLogs(fileURLToPath(new URL('../..', import.meta.url)));
}
