import { useEffect, useState } from 'react';
import type { AppInfo, AppSettings, ProxyStatus } from '../../../../electron/contract';
import type { Theme } from '../../app/theme';
import { bridge } from '../../bridge/client';
import { CheckboxField } from '../../components/checkbox-field';
import { DialogFooter } from '../../components/dialog-footer';
import { TextField } from '../../components/text-field';
import { useFormSubmit } from '../../components/use-form-submit';
import { settingsStore } from '../../stores/app-stores';
import { FormError } from '../../components/form-error';
import { DiagnosticsSection } from './diagnostics-section';
import { parseRunsAtOnce, runsAtOnceProblem } from './runs-at-once';
import { ThemeChoice } from './theme-choice';

/** Edits a copy of the settings; Save sends only what changed. */
export function SettingsForm({ saved, onClose }: { saved: AppSettings; onClose(): void }) {
  const [workspace, setWorkspace] = useState(saved.workspace);
  const [theme, setTheme] = useState<Theme>(saved.theme);
  const [keepSessionsRunning, setKeepSessionsRunning] = useState(saved.keepSessionsRunning);
  const [proxyPort, setProxyPort] = useState(String(saved.proxyPort));
  const [jobRunsAtOnce, setJobRunsAtOnce] = useState(String(saved.jobRunsAtOnce));
  const [info, setInfo] = useState<AppInfo>();
  const [proxy, setProxy] = useState<ProxyStatus>();

  useEffect(() => {
    bridge.request('app.info', {}).then(setInfo, () => undefined);
    bridge.request('proxy.status', {}).then(setProxy, () => undefined);
  }, []);

  const portNumber = /^\d{1,5}$/.test(proxyPort.trim()) ? Number(proxyPort.trim()) : NaN;
  const portProblem = portNumber >= 0 && portNumber <= 65535 ? undefined : 'A port is a whole number from 0 to 65535 (0: any free port)';
  const runsProblem = runsAtOnceProblem(jobRunsAtOnce);

  const { busy, server, clearServer, submit } = useFormSubmit(['workspace', 'theme', 'proxyPort', 'jobRunsAtOnce'], async () => {
    const patch: Partial<AppSettings> = {};
    if (workspace.trim() !== saved.workspace) patch.workspace = workspace.trim();
    if (theme !== saved.theme) patch.theme = theme;
    if (keepSessionsRunning !== saved.keepSessionsRunning) patch.keepSessionsRunning = keepSessionsRunning;
    if (portNumber !== saved.proxyPort) patch.proxyPort = portNumber;
    if (parseRunsAtOnce(jobRunsAtOnce) !== saved.jobRunsAtOnce) patch.jobRunsAtOnce = parseRunsAtOnce(jobRunsAtOnce);
    if (Object.keys(patch).length > 0) await settingsStore.getState().update(patch);
    onClose();
  });

  return (
    <form className="dialog__form" onSubmit={submit} noValidate>
      <div className="dialog__body">
        <TextField
          label="Workspace folder"
          name="workspace"
          value={workspace}
          onChange={(value) => (setWorkspace(value), clearServer())}
          error={server.fields.workspace}
          hint="Holds projects/ and data/, like Orchest's userdir. Another folder shows the projects in it."
        />
        <ThemeChoice value={theme} onChange={setTheme} error={server.fields.theme} />
        <CheckboxField
          label="Keep sessions running when the app quits"
          checked={keepSessionsRunning}
          onChange={setKeepSessionsRunning}
          hint="Their containers go on serving; the app finds them again when it starts. Otherwise quitting stops them."
        />
        <TextField
          label="Service proxy port"
          name="proxyPort"
          value={proxyPort}
          onChange={(value) => (setProxyPort(value), clearServer())}
          error={portProblem ?? server.fields.proxyPort}
          hint={proxyHint(saved.proxyPort, proxy)}
        />
        <TextField
          label="Runs of a job at once"
          name="jobRunsAtOnce"
          value={jobRunsAtOnce}
          onChange={(value) => (setJobRunsAtOnce(value), clearServer())}
          error={runsProblem ?? server.fields.jobRunsAtOnce}
          hint="How many runs of one job go at the same time (1 to 16); the others wait their turn. Each run starts its own containers."
        />
        <DiagnosticsSection />
        <FormError message={server.form} />
        {info && (
          <p className="dialog__aside" data-testid="app-info">
            Orchest Desktop {info.version} · {info.shell === 'electron' ? 'desktop app' : 'headless host'} on{' '}
            {info.platform}
          </p>
        )}
        {info && (
          <p className="dialog__aside" data-testid="secrets-storage">
            {info.secrets.encrypted
              ? 'Project and pipeline variables are kept encrypted by the system keychain in '
              : 'Project and pipeline variables are kept unencrypted, in a file only you can read (no system keychain encrypts them here): '}
            <code>{info.secrets.file}</code>
          </p>
        )}
      </div>
      <DialogFooter onCancel={onClose} submit="Save" ready={workspace.trim() !== '' && !portProblem && !runsProblem} busy={busy} />
    </form>
  );
}

/** Where the proxy listens now, and why it is not the port asked for when another program has it. */
function proxyHint(asked: number, proxy: ProxyStatus | undefined): string {
  const now = proxy ? ` Now at ${proxy.origin}.` : '';
  const taken = proxy?.preferredPortTaken ? ` Port ${proxy.preferredPortTaken} is taken by another program, so a free one is used.` : '';
  const later = proxy && proxy.port !== asked && !proxy.preferredPortTaken && asked !== 0 ? ' A change takes effect at the next start.' : '';
  return `Exposed services open at http://127.0.0.1:<port>/service-…/.${now}${taken}${later}`;
}
