import { discoveryFilePath } from '../core/app-home';
import type { OrchestApp } from '../core/app';
import { removeDiscoveryFile, writeDiscoveryFile } from './discovery-file';
import { HostServer } from './host-server';

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Serves an app's bridge (and renderer) on 127.0.0.1 and tells CLI clients where, until stopped. */
export async function startHost(options: {
  app: OrchestApp;
  home: string;
  shell: 'electron' | 'host';
  port: number;
  rendererDir?: string;
}): Promise<RunningHost> {
  const server = new HostServer({ bridge: options.app.bridge, port: options.port, rendererDir: options.rendererDir });
  await server.listen();
  const file = discoveryFilePath(options.home);
  writeDiscoveryFile(file, { url: server.url, token: server.token, pid: process.pid, shell: options.shell });
  let stopped: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    stop: () =>
      (stopped ??= (async () => {
        removeDiscoveryFile(file);
        await server.close();
      })()),
  };
}
