import { useState } from 'react';
import type { JobDetails } from '../../../../electron/contract';
import { draftOf, settingsOf, type JobDraft } from './job-draft';

export interface JobDraftState {
  draft: JobDraft;
  setDraft(change: (draft: JobDraft) => JobDraft): void;
  /** The form holds settings other than the job's. */
  unsaved: boolean;
  revert(): void;
}

const same = (a: JobDraft, b: JobDraft) => JSON.stringify(settingsOf(a)) === JSON.stringify(settingsOf(b));

/** The form's copy of the job's settings; follows the job as it changes while the form has no edits. */
export function useJobDraft(job: JobDetails): JobDraftState {
  const [state, setState] = useState(() => ({ base: job, draft: draftOf(job) }));
  let { base, draft } = state;
  if (base !== job) {
    // The job changed (a save, an event): an untouched form shows it; edits stay.
    const untouched = same(draft, draftOf(base));
    base = job;
    if (untouched) draft = draftOf(job);
    setState({ base, draft });
  }
  return {
    draft,
    setDraft: (change) => setState((before) => ({ ...before, draft: change(before.draft) })),
    unsaved: !same(draft, draftOf(job)),
    revert: () => setState({ base: job, draft: draftOf(job) }),
  };
}
