import { useState } from 'react';
import { PipelineSettings, type PipelineDocument } from '../../../../electron/contract';
import { CheckboxField } from '../../components/checkbox-field';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { FormError } from '../../components/form-error';
import { TextField } from '../../components/text-field';
import { useFormSubmit } from '../../components/use-form-submit';
import { pipelineStore } from '../../stores/app-stores';

type Field = keyof PipelineSettings;
const FIELDS: readonly Field[] = ['max_steps_parallelism', 'auto_eviction', 'data_passing_memory_size'];
/** The host names a refused value by its path in the file. */
const SERVER_FIELDS = FIELDS.map((field) => `settings.${field}`);

interface Draft {
  parallel: string;
  eviction: boolean;
  memory: string;
}

function draftOf(settings: Record<string, unknown> | undefined): Draft {
  const parallel = settings?.max_steps_parallelism;
  const memory = settings?.data_passing_memory_size;
  return {
    parallel: typeof parallel === 'number' ? String(parallel) : '0',
    eviction: settings?.auto_eviction === true,
    memory: typeof memory === 'string' ? memory : '1GB',
  };
}

/** The draft as settings, or what is wrong with each field; the host checks the same rules. */
function parse(draft: Draft): { settings?: PipelineSettings; errors: Partial<Record<Field, string>> } {
  const result = PipelineSettings.safeParse({
    max_steps_parallelism: /^\s*\d+\s*$/.test(draft.parallel) ? Number(draft.parallel) : Number.NaN,
    auto_eviction: draft.eviction,
    data_passing_memory_size: draft.memory.trim(),
  });
  if (result.success) return { settings: result.data, errors: {} };
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as Field;
    errors[field] ??= field === 'max_steps_parallelism' ? 'Give 0 (no limit) or a whole number of steps' : issue.message;
  }
  return { errors };
}

/** Edits the pipeline's settings; the file keeps any others it has. */
export function PipelineSettingsDialog({ document, onClose }: { document: PipelineDocument; onClose(): void }) {
  const before = draftOf(document.definition.settings as Record<string, unknown> | undefined);
  const [draft, setDraft] = useState(before);
  const { settings, errors } = parse(draft);
  const changed = draft.parallel.trim() !== before.parallel || draft.eviction !== before.eviction || draft.memory.trim() !== before.memory;

  const { busy, server, clearServer, submit } = useFormSubmit(SERVER_FIELDS, async () => {
    if (!settings) return;
    await pipelineStore.getState().saveSettings(settings, document.revision);
    onClose();
  });
  const change = (next: Partial<Draft>) => (setDraft({ ...draft, ...next }), clearServer());
  const errorOf = (field: Field) => errors[field] ?? server.fields[`settings.${field}`];

  return (
    <Dialog label="Pipeline settings" onClose={onClose} testId="pipeline-settings-dialog">
      <form className="dialog__form" onSubmit={(event) => submit(event, settings !== undefined && changed)} noValidate>
        <div className="dialog__body">
          <TextField
            label="Max steps in parallel"
            inputMode="numeric"
            value={draft.parallel}
            onChange={(parallel) => change({ parallel })}
            error={errorOf('max_steps_parallelism')}
            hint="How many steps of a run may run at once; 0 runs every step that is ready."
            autoFocus
          />
          <TextField
            label="Data passing memory size"
            value={draft.memory}
            onChange={(memory) => change({ memory })}
            error={errorOf('data_passing_memory_size')}
            hint="For Orchest's in-memory data passing; runs here pass data through files, so only Orchest uses it."
          />
          <CheckboxField
            label="Auto eviction"
            checked={draft.eviction}
            onChange={(eviction) => change({ eviction })}
            hint="Orchest frees a step's data in memory once every step after it has read it; kept for Orchest."
          />
          <FormError message={server.form} />
        </div>
        <DialogFooter onCancel={onClose} submit="Save" ready={settings !== undefined && changed} busy={busy} />
      </form>
    </Dialog>
  );
}
