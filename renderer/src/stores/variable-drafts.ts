import { createStore } from 'zustand/vanilla';
import type { KeyValueRow } from '../components/key-value-rows';

/**
 * Unsaved edits of variables by scope (`draftKey`), kept while the person looks at another tab, so that
 * a tab switch loses nothing; Save and Discard end them. They live only in the page's memory.
 */
export const variableDrafts = createStore<Record<string, KeyValueRow[]>>()(() => ({}));

export const draftKey = (projectId: string, pipelineUuid: string | undefined) => (pipelineUuid === undefined ? projectId : `${projectId}/${pipelineUuid}`);

export function keepDraft(key: string, rows: KeyValueRow[]): void {
  variableDrafts.setState({ [key]: rows });
}

export function dropDraft(key: string): void {
  const rest = { ...variableDrafts.getState() };
  delete rest[key];
  variableDrafts.setState(rest, true);
}
