import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL, type PreloadApi } from '../../../electron/contract';

/** What Electron loads: tested as built, since a bundling mistake breaks the window as surely as a wrong line. */
const BUILT_PRELOAD = path.resolve(import.meta.dirname, '../../../dist/electron/preload.cjs');

/** Electron's ipcRenderer as the preload uses it: an event emitter that also records `invoke`. */
class StubIpcRenderer extends EventEmitter {
  readonly invoked: unknown[][] = [];
  invoke(...args: unknown[]): Promise<unknown> {
    this.invoked.push(args);
    return Promise.resolve({ ok: true, value: 'answer' });
  }
}

/**
 * Runs the built preload as Electron's sandbox does: a CommonJS function in a context of its own whose
 * `require` has only `electron`, here a stub that records what the preload hands the page.
 */
function loadBuiltPreload() {
  if (!existsSync(BUILT_PRELOAD)) throw new Error(`${BUILT_PRELOAD} is missing: run npm run build first`);
  const ipcRenderer = new StubIpcRenderer();
  const exposed: [string, unknown][] = [];
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => void exposed.push([key, api]) };
  const required: string[] = [];
  const require = (name: string) => {
    required.push(name);
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const context = vm.createContext({});
  const module = { exports: {} };
  const run = vm.compileFunction(readFileSync(BUILT_PRELOAD, 'utf8'), ['exports', 'require', 'module'], { parsingContext: context });
  run(module.exports, require, module);
  return { ipcRenderer, exposed, required, context };
}

describe('the built preload (dist/electron/preload.cjs)', () => {
  it('exposes one object, orchestDesktop, with request and onEvent only, and leaves nothing else behind', () => {
    const { exposed, required, context } = loadBuiltPreload();
    expect(exposed.map(([key]) => key)).toEqual(['orchestDesktop']); // the renderer's window.orchestDesktop
    const api = exposed[0]![1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['onEvent', 'request']);
    expect([typeof api.request, typeof api.onEvent]).toEqual(['function', 'function']);
    expect(required).toEqual(['electron']);
    expect(Object.keys(context)).toEqual([]); // no globals of its own
  });

  it('sends a request on the bridge channel and hands back the main process’s answer', async () => {
    const { ipcRenderer, exposed } = loadBuiltPreload();
    const api = exposed[0]![1] as PreloadApi;
    expect(await api.request('projects.list', { all: true })).toEqual({ ok: true, value: 'answer' });
    expect(ipcRenderer.invoked).toEqual([[IPC_REQUEST_CHANNEL, 'projects.list', { all: true }]]);
  });

  it('passes events to a listener as name and payload only, until it unsubscribes', () => {
    const { ipcRenderer, exposed } = loadBuiltPreload();
    const api = exposed[0]![1] as PreloadApi;
    const heard: unknown[][] = [];
    const unsubscribe = api.onEvent((...args: unknown[]) => void heard.push(args));
    // Electron's first argument is the IpcRendererEvent, whose `sender` is ipcRenderer itself.
    ipcRenderer.emit(IPC_EVENT_CHANNEL, { sender: ipcRenderer }, 'sessions.changed', { status: 'RUNNING' });
    expect(heard).toEqual([['sessions.changed', { status: 'RUNNING' }]]);

    expect(unsubscribe()).toBeUndefined(); // not ipcRenderer, which `off` returns
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
    ipcRenderer.emit(IPC_EVENT_CHANNEL, { sender: ipcRenderer }, 'sessions.changed', {});
    expect(heard).toHaveLength(1);
  });
});
