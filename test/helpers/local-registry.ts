import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { makeTempDir } from './temp-dir';

export interface LocalRegistry {
  /** host:port, as an image name starts: `${address}/name:tag`. */
  address: string;
  stop(): Promise<void>;
}

/**
 * A real image registry on 127.0.0.1 (Debian's docker-registry), which the engine pulls from and pushes
 * to without TLS; its storage is a temp folder, removed by stop().
 */
export async function startLocalRegistry(): Promise<LocalRegistry> {
  const { dir, cleanup } = await makeTempDir('od-registry-');
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const config = path.join(dir, 'config.yml');
  await fs.writeFile(
    config,
    ['version: 0.1', 'log:', '  level: error', 'storage:', '  filesystem:', `    rootdirectory: ${path.join(dir, 'storage')}`, 'http:', `  addr: ${address}`, ''].join('\n'),
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`docker-registry could not start (apt-get install docker-registry, as .ci/run does): ${error.message}`)));
    void exited.then(() => reject(new Error(`docker-registry exited: ${output}`)));
  });
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await cleanup();
  };
  try {
    await Promise.race([answers(`http://${address}/v2/`), failed]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address, stop };
}

/** Asks until the registry answers (it does within a second), giving up after 20 s. */
async function answers(url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the local registry did not answer at ${url} within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
