// Runs the shell's main.ts on Node against a stand-in for the electron module (the real one cannot load
// here): what happens before `ready`, the window's options, the guards, the app:// protocol, the IPC
// bridge, the CLI host and quitting.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/host/security-headers';
import { appMenu } from '../../../electron/shell/app-menu';

const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { mkdirSync, mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  // The calls Electron wants before `ready` or after it, in the order they came.
  const calls: string[] = [];
  let ready!: () => void;
  const app = Object.assign(new Emitter(), {
    ready: new Promise<void>((resolve) => (ready = resolve)),
    requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), true),
    setPath: (name: string, value: string) => void calls.push(`setPath ${name} ${value}`),
    enableSandbox: () => void calls.push('enableSandbox'),
    whenReady: () => app.ready,
    quit: () => {},
    exit: () => {},
    isPackaged: false,
    getAppPath: () => process.cwd(),
  });
  let nextId = 1;
  class WebContents extends Emitter {
    readonly id = nextId++;
    readonly sent: unknown[][] = [];
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    isDestroyed() {
      return false;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
  }
  const windows: BrowserWindow[] = [];
  class BrowserWindow extends Emitter {
    readonly webContents = new WebContents();
    loadedUrl = '';
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    isMinimized = () => false;
    restore() {}
    show() {}
    focus() {}
  }
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const permissions: { request?: (...args: unknown[]) => void; check?: (...args: unknown[]) => boolean } = {};
  // A built renderer, and a file beside it that app:// must not serve.
  const base = mkdtempSync(join(tmpdir(), 'shell-renderer-'));
  const rendererDir = join(base, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<title>stand-in renderer</title>');
  writeFileSync(join(base, 'secret.txt'), 'not for app://');
  return {
    app,
    calls,
    ready: () => {
      calls.push('ready');
      ready();
    },
    base,
    rendererDir,
    // What app-protocol.ts names as the renderer: ../renderer beside the main module (dist/electron ->
    // dist/renderer once built; electron/renderer from the sources, which is never built).
    rendererUrl: new URL('../../../electron/renderer/', import.meta.url).href,
    windows,
    handlers,
    permissions,
    electron: {
      app,
      BrowserWindow,
      dialog: { showErrorBox: vi.fn() },
      Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: vi.fn() },
      shell: { openExternal: vi.fn(async () => {}) },
      // Reversible and without the plaintext on disk, as the OS keychain's encryption is.
      safeStorage: {
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => 'gnome_libsecret',
        encryptString: (text: string) => Buffer.from(`fake:${Buffer.from(text).toString('base64')}`),
        decryptString: (bytes: Buffer) => Buffer.from(bytes.toString().slice('fake:'.length), 'base64').toString(),
      },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => void calls.push('registerSchemesAsPrivileged')),
        handle: vi.fn((_scheme: string, _handler: (request: Request) => Promise<Response>) => void calls.push('protocol.handle')),
      },
      ipcMain: {
        handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler),
        removeHandler: (channel: string) => handlers.delete(channel),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => (permissions.request = handler),
          setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => (permissions.check = handler),
          setDevicePermissionHandler: vi.fn(),
        },
      },
    },
  };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
// The stand-in renderer answers where main.ts looks for the built one.
vi.mock('node:url', async (importOriginal) => {
  const url = await importOriginal<typeof import('node:url')>();
  const fileURLToPath = (href: string | URL) => (String(href) === fake.rendererUrl ? fake.rendererDir : url.fileURLToPath(href));
  return { ...url, fileURLToPath, default: { ...url, fileURLToPath } };
});
// electron-store loads electron itself; conf is the same store without it.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  return {
    default: class extends Conf<Record<string, unknown>> {
      constructor(options: { cwd: string; name: string }) {
        super({ cwd: options.cwd, configName: options.name });
      }
    },
  };
});

let home: string;
let workspace: string;
const saved = { home: process.env.ORCHEST_DESKTOP_HOME, argv: process.argv };

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'shell-home-'));
  workspace = mkdtempSync(path.join(os.tmpdir(), 'shell-workspace-'));
  process.env.ORCHEST_DESKTOP_HOME = home;
  process.argv = [...saved.argv, '--workspace', workspace];
  await import('../../../electron/shell/main');
  fake.ready();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 10_000 });
});

afterAll(() => {
  process.argv = saved.argv;
  if (saved.home === undefined) delete process.env.ORCHEST_DESKTOP_HOME;
  else process.env.ORCHEST_DESKTOP_HOME = saved.home;
  rmSync(home, { recursive: true, force: true });
  rmSync(workspace, { recursive: true, force: true });
  rmSync(fake.base, { recursive: true, force: true });
});

const invoke = (frameUrl: string, name: string, input: unknown) =>
  fake.handlers.get('bridge:request')!({ sender: fake.windows[0]!.webContents, senderFrame: { url: frameUrl } }, name, input);

describe('the Electron shell (main.ts)', () => {
  it('registers app:// as a privileged scheme and turns the sandbox on before ready, and serves app:// after it', () => {
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ]);
    const ready = fake.calls.indexOf('ready');
    expect(fake.calls.slice(0, ready).sort()).toEqual([
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
      `setPath userData ${path.join(home, 'electron')}`,
    ]);
    expect(fake.calls.slice(ready + 1)).toEqual(['protocol.handle']);
  });

  it("keeps Electron's data, and so its single-instance lock, in the app home: one app per home", () => {
    expect(fake.calls.indexOf(`setPath userData ${path.join(home, 'electron')}`)).toBeLessThan(fake.calls.indexOf('requestSingleInstanceLock'));
  });

  it('answers app:// requests from the built renderer, and refuses files outside it', async () => {
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const [, handler] = fake.electron.protocol.handle.mock.calls[0]!;
    const page = await handler(new Request('app://orchest/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<title>stand-in renderer</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await (await handler(new Request('app://orchest/projects/abc'))).text()).toBe('<title>stand-in renderer</title>');
    const outside = await handler(new Request('app://orchest/..%2fsecret.txt'));
    expect(outside.status).toBe(403);
    expect(await outside.text()).not.toContain('not for app://');
  });

  it('sets the standard menus', () => {
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalledWith(appMenu(process.platform));
  });

  it('opens one sandboxed, isolated window on app://orchest with the preload beside main', () => {
    const [window] = fake.windows;
    expect(window!.loadedUrl).toBe('app://orchest/index.html');
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(window!.options.webPreferences).not.toHaveProperty('webSecurity');
    expect(path.basename(String(window!.options.webPreferences.preload))).toBe('preload.cjs');
  });

  it('denies every permission but clipboard writes from its own pages', () => {
    const callback = vi.fn();
    fake.permissions.request!({}, 'media', callback, { requestingUrl: 'app://orchest/index.html' });
    expect(callback).toHaveBeenLastCalledWith(false);
    expect(fake.permissions.check!({}, 'notifications', 'app://orchest')).toBe(false);
    fake.permissions.request!({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'app://orchest/index.html' });
    expect(callback).toHaveBeenLastCalledWith(true);
    expect(fake.permissions.check!({}, 'clipboard-sanitized-write', 'app://orchest')).toBe(true);
    expect(fake.permissions.check!({}, 'clipboard-sanitized-write', 'http://127.0.0.1:8765')).toBe(false);
  });

  it('guards the window: foreign navigation, new windows and webviews are refused', () => {
    const contents = fake.windows[0]!.webContents as unknown as EventEmitter & {
      windowOpenHandler: (details: { url: string }) => { action: string };
    };
    const navigation = (url: string) => ({ url, preventDefault: vi.fn() });
    const away = navigation('https://evil.example/');
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = navigation('app://orchest/projects');
    contents.emit('will-navigate', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('answers bridge requests from the app frame only', async () => {
    await expect(invoke('app://orchest/index.html', 'app.info', {})).resolves.toMatchObject({
      ok: true,
      value: { shell: 'electron', secrets: { encrypted: true, file: path.join(home, 'variables.enc') } },
    });
    await expect(invoke('https://evil.example/', 'app.info', {})).resolves.toMatchObject({ ok: false });
  });

  it('keeps settings in settings.json in the app home, with --workspace applied', async () => {
    expect(JSON.parse(readFileSync(path.join(home, 'settings.json'), 'utf8'))).toMatchObject({ workspace });
    await expect(invoke('app://orchest/index.html', 'settings.get', {})).resolves.toMatchObject({ value: { workspace } });
  });

  it('serves the CLI on a loopback host named in the discovery file', async () => {
    const discovery = JSON.parse(readFileSync(path.join(home, 'host.json'), 'utf8')) as { url: string; shell: string };
    expect(discovery.shell).toBe('electron');
    const response = await fetch(discovery.url, { redirect: 'manual' });
    expect(response.status).toBe(302);
  });

  it('keeps project variables encrypted with safeStorage in the app home', async () => {
    const created = (await invoke('app://orchest/index.html', 'projects.create', { name: 'secrets' })) as { value: { uuid: string } };
    const projectId = created.value.uuid;
    await expect(invoke('app://orchest/index.html', 'variables.set', { projectId, variables: { TOKEN: 'plain-secret' } })).resolves.toMatchObject({ ok: true });
    expect(readFileSync(path.join(home, 'variables.enc'), 'utf8')).not.toContain('plain-secret');
    expect(existsSync(path.join(home, 'variables.json'))).toBe(false);
    await expect(invoke('app://orchest/index.html', 'variables.get', { projectId })).resolves.toMatchObject({
      value: { project: { TOKEN: 'plain-secret' } },
    });
  });

  it('disposes the transport, the host and the core before quitting', async () => {
    const quit = vi.spyOn(fake.app, 'quit');
    const first = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(quit).toHaveBeenCalled(), { timeout: 10_000 });
    expect(fake.handlers.has('bridge:request')).toBe(false);
    expect(existsSync(path.join(home, 'host.json'))).toBe(false);
    const second = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});
