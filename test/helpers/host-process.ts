import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { BridgeClient, WsClientTransport, type WebSocketLike } from '../../electron/contract';
import { makeTempDir } from './temp-dir';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(REPO, 'bin', 'orchest-desktop.mjs');

const exec = promisify(execFile);

/** Runs the CLI with `env` as its whole environment; resolves with its exit code and output instead of throwing. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [CLI, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export interface HostProcess {
  url: string;
  token: string;
  port: number;
  origin: string;
  home: string;
  workspace: string;
  child: ChildProcess;
  output: () => string;
  connect(): Promise<BridgeClient>;
  stop(): Promise<number | null>;
}

/**
 * Starts the built host (`orchest-desktop serve`) in its own temp home and workspace, or in `dir`'s
 * (which the caller then removes), so that a second host can take over from one that was killed.
 */
export async function startHostProcess(
  options: {
    env?: NodeJS.ProcessEnv;
    dir?: string;
    /** A command the host runs under, such as setpriv: `[command, ...its arguments]`. */
    under?: string[];
  } = {},
): Promise<HostProcess> {
  const { dir, cleanup } = options.dir ? { dir: options.dir, cleanup: async () => undefined } : await makeTempDir('od-host-');
  const home = path.join(dir, 'home');
  const workspace = path.join(dir, 'workspace');
  const [command = process.execPath, ...prefix] = [...(options.under ?? []), process.execPath];
  const child = spawn(command, [...prefix, CLI, 'serve', '--no-open', '--port', '0', '--workspace', workspace], {
    env: { ...process.env, ...options.env, ORCHEST_DESKTOP_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 20 s:\n${output}`)), 20_000);
    child.stdout.on('data', () => {
      const match = /Orchest Desktop is serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`host exited with ${code}:\n${output}`))));
  });
  const parsed = new URL(url);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    url,
    token: parsed.searchParams.get('token') ?? '',
    port: Number(parsed.port),
    origin: parsed.origin,
    home,
    workspace,
    child,
    output: () => output,
    connect: () => connectBridge(url),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      await cleanup();
      return code;
    },
  };
}

export async function connectBridge(url: string): Promise<BridgeClient> {
  const parsed = new URL(url);
  const socket = new WebSocket(`ws://${parsed.host}/bridge?token=${parsed.searchParams.get('token')}`);
  await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
  return new BridgeClient(new WsClientTransport(socket as unknown as WebSocketLike));
}
