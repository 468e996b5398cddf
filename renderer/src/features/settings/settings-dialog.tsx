import { useEffect } from 'react';
import { useStore } from 'zustand';
import { Dialog } from '../../components/dialog';
import { settingsStore } from '../../stores/app-stores';
import { FormError } from '../../components/form-error';
import { SettingsForm } from './settings-form';

/** The workspace folder and the theme, read fresh each time the dialog opens. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const saved = useStore(settingsStore, (s) => s.settings);
  const error = useStore(settingsStore, (s) => s.error);

  useEffect(() => {
    void settingsStore.getState().load();
  }, []);

  return (
    <Dialog label="Settings" onClose={onClose} testId="settings-dialog">
      {saved ? (
        <SettingsForm saved={saved} onClose={onClose} />
      ) : (
        <div className="dialog__body">
          {error ? <FormError message={`The settings cannot be read: ${error}`} /> : <p className="muted">Loading settings…</p>}
        </div>
      )}
    </Dialog>
  );
}
