import { useEffect, useState, type FormEvent } from 'react';
import type { AppInfo, AppSettings } from '../../../../electron/contract';
import type { Theme } from '../../app/theme';
import { bridge } from '../../bridge/client';
import { formErrors, type FormErrors } from '../../bridge/request-error';
import { Button } from '../../components/button';
import { TextField } from '../../components/text-field';
import { settingsStore } from '../../stores/app-stores';
import { FormError } from '../projects/form-error';
import { ThemeChoice } from './theme-choice';

const NO_ERRORS: FormErrors = { fields: {}, form: undefined };

/** Edits a copy of the settings; Save sends only what changed. */
export function SettingsForm({ saved, onClose }: { saved: AppSettings; onClose(): void }) {
  const [workspace, setWorkspace] = useState(saved.workspace);
  const [theme, setTheme] = useState<Theme>(saved.theme);
  const [busy, setBusy] = useState(false);
  const [server, setServer] = useState(NO_ERRORS);
  const [info, setInfo] = useState<AppInfo>();

  useEffect(() => {
    bridge.request('app.info', {}).then(setInfo, () => undefined);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const patch: Partial<AppSettings> = {};
    if (workspace.trim() !== saved.workspace) patch.workspace = workspace.trim();
    if (theme !== saved.theme) patch.theme = theme;
    setBusy(true);
    try {
      if (Object.keys(patch).length > 0) await settingsStore.getState().update(patch);
      onClose();
    } catch (error) {
      setServer(formErrors(error, ['workspace', 'theme']));
      setBusy(false);
    }
  };

  return (
    <form className="dialog__form" onSubmit={submit} noValidate>
      <div className="dialog__body">
        <TextField
          label="Workspace folder"
          name="workspace"
          value={workspace}
          onChange={(value) => (setWorkspace(value), setServer(NO_ERRORS))}
          error={server.fields.workspace}
          hint="Holds projects/ and data/, like Orchest's userdir. Another folder shows the projects in it."
        />
        <ThemeChoice value={theme} onChange={setTheme} error={server.fields.theme} />
        <FormError message={server.form} />
        {info && (
          <p className="dialog__aside" data-testid="app-info">
            Orchest Desktop {info.version} · {info.shell === 'electron' ? 'desktop app' : 'headless host'} on{' '}
            {info.platform}
          </p>
        )}
      </div>
      <div className="dialog__footer">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={busy || workspace.trim() === ''} aria-busy={busy || undefined}>
          Save
        </Button>
      </div>
    </form>
  );
}
