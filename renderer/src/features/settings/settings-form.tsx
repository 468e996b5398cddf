import { useEffect, useState } from 'react';
import type { AppInfo, AppSettings } from '../../../../electron/contract';
import type { Theme } from '../../app/theme';
import { bridge } from '../../bridge/client';
import { CheckboxField } from '../../components/checkbox-field';
import { DialogFooter } from '../../components/dialog-footer';
import { TextField } from '../../components/text-field';
import { useFormSubmit } from '../../components/use-form-submit';
import { settingsStore } from '../../stores/app-stores';
import { FormError } from '../../components/form-error';
import { ThemeChoice } from './theme-choice';

/** Edits a copy of the settings; Save sends only what changed. */
export function SettingsForm({ saved, onClose }: { saved: AppSettings; onClose(): void }) {
  const [workspace, setWorkspace] = useState(saved.workspace);
  const [theme, setTheme] = useState<Theme>(saved.theme);
  const [keepSessionsRunning, setKeepSessionsRunning] = useState(saved.keepSessionsRunning);
  const [info, setInfo] = useState<AppInfo>();

  useEffect(() => {
    bridge.request('app.info', {}).then(setInfo, () => undefined);
  }, []);

  const { busy, server, clearServer, submit } = useFormSubmit(['workspace', 'theme'], async () => {
    const patch: Partial<AppSettings> = {};
    if (workspace.trim() !== saved.workspace) patch.workspace = workspace.trim();
    if (theme !== saved.theme) patch.theme = theme;
    if (keepSessionsRunning !== saved.keepSessionsRunning) patch.keepSessionsRunning = keepSessionsRunning;
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
        <FormError message={server.form} />
        {info && (
          <p className="dialog__aside" data-testid="app-info">
            Orchest Desktop {info.version} · {info.shell === 'electron' ? 'desktop app' : 'headless host'} on{' '}
            {info.platform}
          </p>
        )}
      </div>
      <DialogFooter onCancel={onClose} submit="Save" ready={workspace.trim() !== ''} busy={busy} />
    </form>
  );
}
