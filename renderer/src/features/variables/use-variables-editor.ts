import { useEffect, useMemo, useState } from 'react';
import type { VariableSets } from '../../../../electron/contract';
import { bridge } from '../../bridge/client';
import { errorMessage } from '../../bridge/request-error';
import type { KeyValueRow } from '../../components/key-value-rows';
import { draftKey, dropDraft, keepDraft, variableDrafts } from '../../stores/variable-drafts';
import { placeSaveError, type SaveErrors } from './place-save-error';
import { validateVariableRows } from './validate-variable-rows';
import { rowsFrom, rowsToVariables, variablesDirty } from './variable-rows';

const NO_SAVE_ERRORS: SaveErrors = { rows: {}, form: undefined };

/**
 * One scope's variables being edited: the project's, or the pipeline's when `pipelineUuid` is given.
 * Kept apart from the stored set until Save, which replaces the scope's whole set.
 */
export function useVariablesEditor(projectId: string, pipelineUuid: string | undefined) {
  const scope = pipelineUuid === undefined ? 'project' : 'pipeline';
  const request = useMemo(() => (pipelineUuid === undefined ? { projectId } : { projectId, pipelineUuid }), [projectId, pipelineUuid]);
  const key = draftKey(projectId, pipelineUuid);
  const [sets, setSets] = useState<VariableSets | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [rows, setRows] = useState<KeyValueRow[]>([]);
  // Changes when the rows are replaced from the host, so their shown values are hidden again.
  const [generation, setGeneration] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saveErrors, setSaveErrors] = useState(NO_SAVE_ERRORS);
  const [notice, setNotice] = useState<string | undefined>();

  const reset = (next: VariableSets) => {
    dropDraft(key);
    setSets(next);
    setRows(rowsFrom(next[scope]));
    setGeneration((n) => n + 1);
  };

  useEffect(() => {
    let live = true;
    setSets(undefined);
    setLoadError(undefined);
    bridge.request('variables.get', request).then(
      (loaded) => {
        if (!live) return;
        setSets(loaded);
        // Edits left unsaved when the person went to another tab come back.
        setRows(variableDrafts.getState()[key] ?? rowsFrom(loaded[scope]));
      },
      (error: unknown) => live && setLoadError(errorMessage(error)),
    );
    return () => {
      live = false;
    };
  }, [request, scope, key]);

  const errors = useMemo(() => validateVariableRows(rows), [rows]);
  const saved = sets?.[scope] ?? {};
  const dirty = sets !== undefined && variablesDirty(rows, saved);
  const valid = Object.keys(errors).length === 0;

  return {
    sets,
    loadError,
    rows,
    generation,
    dirty,
    valid,
    saving,
    notice,
    formError: saveErrors.form,
    errorOf: (index: number): string | undefined => errors[index] ?? saveErrors.rows[index],
    edit(next: KeyValueRow[]) {
      setRows(next);
      keepDraft(key, next);
      setSaveErrors(NO_SAVE_ERRORS);
      setNotice(undefined);
    },
    discard() {
      if (sets) reset(sets);
      setSaveErrors(NO_SAVE_ERRORS);
      setNotice(undefined);
    },
    async save() {
      if (!dirty || !valid || saving) return;
      setSaving(true);
      setSaveErrors(NO_SAVE_ERRORS);
      setNotice(undefined);
      try {
        reset(await bridge.request('variables.set', { ...request, variables: rowsToVariables(rows) }));
        setNotice('Saved');
      } catch (error) {
        setSaveErrors(placeSaveError(error, rows));
      } finally {
        setSaving(false);
      }
    },
  };
}
