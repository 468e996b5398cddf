import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoveryFilePath } from '../../electron/core/app-home';
import { isProcessAlive } from '../../electron/core/home-lock';
import { readDiscoveryFile } from '../../electron/host/discovery-file';
import { REPO } from '../helpers/host-process';
import { makeTempDir } from '../helpers/temp-dir';

const START = path.join(REPO, 'scripts', 'start.mjs');
const ELECTRON_DIR = path.join(REPO, 'node_modules', 'electron');
const { version: ELECTRON_VERSION } = JSON.parse(fs.readFileSync(path.join(ELECTRON_DIR, 'package.json'), 'utf8')) as { version: string };
const ZIP = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;
const SERVING = /Orchest Desktop is serving at http:\/\/127\.0\.0\.1:\d+\//;
const RETRY = 'run `npm start -- --fetch-electron` to try again';
// Where the binary was already downloaded, start.mjs launches it and the fetch cannot be exercised.
const binaryDownloaded = fs.existsSync(path.join(ELECTRON_DIR, 'path.txt'));
// Where Electron's binary is already here `npm start` never runs the installer: say so, never skip in silence.
if (binaryDownloaded) console.warn("Skipped: npm start's fallback through a failing installer: Electron's binary is already downloaded here");

/**
 * A mirror that answers the size probe and then drops the installer's download, so that Electron's
 * real installer fails just as it does offline ("TypeError: fetch failed"), on any machine, without
 * ever writing a binary into node_modules/electron. Its log proves the installer asked.
 */
async function startDroppingMirror(): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    if (request.method === 'HEAD') response.writeHead(200, { 'content-length': 115_800_000 }).end();
    else request.socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe.skipIf(binaryDownloaded)("npm start without Electron's binary, through Electron's real installer failing", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let mirror: Awaited<ReturnType<typeof startDroppingMirror>>;
  let env: NodeJS.ProcessEnv;
  const running = new Set<ChildProcess>();
  const electronDirBefore = fs.readdirSync(ELECTRON_DIR).sort();

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('od-start-'));
    mirror = await startDroppingMirror();
    fs.mkdirSync(path.join(dir, 'tmp'));
    // Nothing of the caller's npm or Electron settings may point the installer at a real mirror.
    const inherited = Object.entries(process.env).filter(([key]) => !/^(npm_|electron_|ORCHEST_DESKTOP_|force_no_cache)/i.test(key));
    env = {
      ...Object.fromEntries(inherited),
      DISPLAY: ':99', // past the display check: the fetch is what is under test
      ELECTRON_MIRROR: mirror.url,
      electron_config_cache: path.join(dir, 'electron-cache'),
      ORCHEST_DESKTOP_HOME: path.join(dir, 'home'),
      TMPDIR: path.join(dir, 'tmp'),
      TMP: path.join(dir, 'tmp'),
      TEMP: path.join(dir, 'tmp'),
    };
  });

  afterAll(async () => {
    for (const child of running) child.kill('SIGKILL');
    await mirror?.close();
    await cleanup?.();
  });

  /** Runs `node scripts/start.mjs` until it serves, then stops it and the host it started; resolves with its output. */
  async function start(...extra: string[]): Promise<string> {
    const args = [START, ...extra, '--no-open', '--port', '0', '--workspace', path.join(dir, 'workspace')];
    const child = spawn(process.execPath, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const collect = (chunk: Buffer) => {
        output += chunk;
        if (SERVING.test(output)) resolve();
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.once('exit', (code) => reject(new Error(`start.mjs exited with ${code} before serving:\n${output}`)));
    });
    const host = readDiscoveryFile(discoveryFilePath(env.ORCHEST_DESKTOP_HOME!));
    expect(host?.shell).toBe('host');
    child.kill('SIGTERM'); // forwarded to the host it started
    await exited;
    running.delete(child);
    expect(isProcessAlive(host!.pid)).toBe(false);
    return output;
  }

  const fetchLine = (output: string) => output.split('\n').find((line) => line.startsWith('No Electron binary yet: fetching'));
  const downloads = () => mirror.requests.filter((request) => request === `GET /v${ELECTRON_VERSION}/${ZIP}`).length;
  const memo = () => JSON.parse(fs.readFileSync(path.join(env.ORCHEST_DESKTOP_HOME!, 'electron-fetch.json'), 'utf8'));

  it('first run: says what it fetches, runs the installer, and serves quoting its error', async () => {
    const output = await start();
    expect(fetchLine(output)).toBe(
      `No Electron binary yet: fetching Electron ${ELECTRON_VERSION} for ${process.platform}-${process.arch} (110.4 MB) ` +
        `from ${mirror.url}v${ELECTRON_VERSION}/${ZIP} with Electron's installer (node_modules/electron/install.js).`,
    );
    expect(downloads()).toBe(1); // the installer's own request: the size probe is a HEAD
    expect(output).toContain(
      `Electron cannot start here (its download failed: TypeError: fetch failed; ${RETRY}); serving the same UI in your browser instead.`,
    );
    expect(memo()).toEqual({ at: expect.any(String), error: 'TypeError: fetch failed' });
    expect(Date.now() - Date.parse(memo().at)).toBeLessThan(60_000);
  });

  it('second run within the hour: does not try again, and says when it last tried', async () => {
    const requestsBefore = mirror.requests.length;
    const output = await start();
    expect(fetchLine(output)).toBeUndefined();
    expect(mirror.requests.length).toBe(requestsBefore);
    expect(output).toMatch(
      /Electron cannot start here \(no Electron binary, last tried at \d\d:\d\d: TypeError: fetch failed; run `npm start -- --fetch-electron` to try again\); serving the same UI in your browser instead\./,
    );
  });

  it('--fetch-electron tries again at once, and is not passed on to the host', async () => {
    const triedBefore = Date.parse(memo().at);
    const output = await start('--fetch-electron');
    expect(fetchLine(output)).toBeDefined();
    expect(downloads()).toBe(2);
    expect(output).toContain(`its download failed: TypeError: fetch failed; ${RETRY}`);
    expect(Date.parse(memo().at)).toBeGreaterThan(triedBefore);
  });

  it('leaves node_modules/electron and the temp dir as they were', () => {
    expect(fs.readdirSync(ELECTRON_DIR).sort()).toEqual(electronDirBefore);
    expect(fs.existsSync(path.join(ELECTRON_DIR, 'dist'))).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'tmp')).filter((entry) => /electron/.test(entry))).toEqual([]);
  });
});
