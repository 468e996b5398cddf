import { useEffect, useMemo, useState } from 'react';
import { BridgeRequestError, type PipelineDocument } from '../../../../electron/contract';
import { errorMessage } from '../../bridge/request-error';
import { pipelineStore } from '../../stores/app-stores';
import type { ServiceForm } from './service-form';
import type { ServiceObject } from './service-templates';
import {
  addDraft,
  draftErrors,
  draftsFrom,
  duplicateDraft,
  removeDraft,
  sameJson,
  servicesFrom,
  updateDraft,
  type ServiceDraft,
} from './services-draft';

interface Drafts {
  /** The file's revision the drafts were made from: a save names it, so a change on disk is not overwritten. */
  revision: string;
  baseline: Record<string, ServiceObject>;
  drafts: ServiceDraft[];
  selectedId: string | undefined;
}

export const CONFLICT_NOTICE = 'The file changed on disk; reloaded';

function fresh(document: PipelineDocument, selectName?: string): Drafts {
  const drafts = draftsFrom(document.definition.services);
  const selected = drafts.find((d) => d.form.name === selectName) ?? drafts[0];
  return { revision: document.revision, baseline: servicesFrom(drafts), drafts, selectedId: selected?.id };
}

/** The services being edited, kept apart from the file until Save; follows the file while nothing is edited. */
export function useServiceDrafts(document: PipelineDocument) {
  const [state, setState] = useState(() => fresh(document));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  const services = useMemo(() => servicesFrom(state.drafts), [state.drafts]);
  const errors = useMemo(() => draftErrors(state.drafts), [state.drafts]);
  const dirty = !sameJson(services, state.baseline);
  const valid = [...errors.values()].every((e) => Object.keys(e).length === 0);
  const selected = state.drafts.find((d) => d.id === state.selectedId);
  const staleOnDisk = document.revision !== state.revision;

  useEffect(() => {
    if (document.revision !== state.revision && !dirty) setState(fresh(document, selected?.form.name));
  }, [document, state.revision, dirty, selected?.form.name]);

  const edit = (change: (drafts: ServiceDraft[]) => { drafts: ServiceDraft[]; id?: string | undefined }) => {
    setNotice(undefined);
    setError(undefined);
    setState((before) => {
      const next = change(before.drafts);
      return { ...before, drafts: next.drafts, selectedId: next.id ?? before.selectedId };
    });
  };

  return {
    drafts: state.drafts,
    selected,
    errors,
    dirty,
    valid,
    saving,
    error,
    notice,
    staleOnDisk,
    select: (id: string) => setState((before) => ({ ...before, selectedId: id })),
    add: (service: ServiceObject) => edit((drafts) => addDraft(drafts, service)),
    duplicate: (id: string) => edit((drafts) => duplicateDraft(drafts, id) ?? { drafts }),
    update: (id: string, form: ServiceForm) => edit((drafts) => ({ drafts: updateDraft(drafts, id, form) })),
    remove: (id: string) =>
      edit((drafts) => {
        const index = drafts.findIndex((d) => d.id === id);
        const rest = removeDraft(drafts, id);
        return { drafts: rest, id: (rest[Math.min(index, rest.length - 1)] ?? rest[0])?.id };
      }),
    discard: () => {
      setError(undefined);
      setNotice(undefined);
      setState(fresh(document, selected?.form.name));
    },

    async save() {
      if (!dirty || !valid || saving) return;
      setSaving(true);
      setError(undefined);
      setNotice(undefined);
      try {
        const saved = await pipelineStore.getState().saveServices(services, state.revision);
        setState(fresh(saved, selected?.form.name));
        setNotice('Saved');
      } catch (failure) {
        if (failure instanceof BridgeRequestError && failure.code === 'CONFLICT') {
          await pipelineStore.getState().reload();
          const reloaded = pipelineStore.getState().document;
          if (reloaded) setState(fresh(reloaded, selected?.form.name));
          setNotice(CONFLICT_NOTICE);
        } else {
          setError(errorMessage(failure));
        }
      } finally {
        setSaving(false);
      }
    },
  };
}

export type ServiceDrafts = ReturnType<typeof useServiceDrafts>;
