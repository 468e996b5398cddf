import type { Diagnostics, EngineStatus } from '../../contract';

export type DiagnosticsFacts = Omit<Diagnostics, 'settings' | 'text'> & {
  /** The settings file as kept, unknown keys included. */
  storedSettings: Record<string, unknown>;
};

/** Settings whose values are known to hold nothing secret; every other key is named without its value. */
const HARMLESS_SETTINGS = new Set(['workspace', 'theme', 'keepSessionsRunning', 'proxyPort']);
const LEFT_OUT = '(left out)';

/** The report for a bug: what was found, with secrets left out, and the same as plain text. */
export function diagnosticsReport(facts: DiagnosticsFacts): Diagnostics {
  const { storedSettings, ...rest } = facts;
  const report = { ...rest, engine: withoutCredentials(facts.engine), settings: harmlessSettings(storedSettings) };
  return { ...report, text: diagnosticsText(report) };
}

function harmlessSettings(stored: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(stored)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => [key, HARMLESS_SETTINGS.has(key) ? value : LEFT_OUT]),
  );
}

/** DOCKER_HOST may carry a password (tcp://user:secret@host); the report keeps the rest of it. */
function withoutCredentials(engine: EngineStatus): EngineStatus {
  return { ...engine, host: engine.host.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, `$1:${LEFT_OUT}@`) };
}

function diagnosticsText(report: Omit<Diagnostics, 'text'>): string {
  const { app, runtime, os, engine, paths, proxy, settings } = report;
  const lines = [
    `Orchest Desktop ${app.version} (${app.shell === 'electron' ? 'desktop app' : 'headless host'})`,
    runtime.electron
      ? `Electron ${runtime.electron}, Chrome ${runtime.chrome ?? '?'}, Node.js ${runtime.node}`
      : `Node.js ${runtime.node}`,
    `OS: ${os.platform} ${os.release} (${os.arch})`,
    engine.reachable
      ? `Docker: ${engine.version}, API ${engine.apiVersion}, ${engine.os}, at ${engine.host}`
      : `Docker: not reachable (${engine.problem}): ${engine.reason}, at ${engine.host}`,
    `Service proxy: ${proxy}`,
    `App home: ${paths.home}`,
    `Logs: ${paths.logs}`,
    `Settings file: ${paths.settings}`,
    `Workspace: ${paths.workspace}`,
    'Settings:',
    ...Object.entries(settings).map(([key, value]) => `  ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`),
  ];
  return lines.join('\n');
}
