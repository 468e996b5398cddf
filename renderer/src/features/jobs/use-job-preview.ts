import { useEffect, useState } from 'react';
import type { JobPreview } from '../../../../electron/contract';
import { bridge } from '../../bridge/client';
import { errorMessage } from '../../bridge/request-error';

export const PREVIEW_DELAY_MS = 300;

export interface JobPreviewState {
  preview: JobPreview | undefined;
  /** Why the grid makes no runs (a parameter the pipeline lacks, every run left out, ...). */
  error: string | undefined;
}

/** The runs the grid makes and the snapshot's size, asked again a moment after the grid stops changing. */
export function useJobPreview(projectId: string, path: string, grid: Record<string, unknown[]>, leftOut: readonly number[]): JobPreviewState {
  const [state, setState] = useState<JobPreviewState>({ preview: undefined, error: undefined });
  const key = JSON.stringify([projectId, path, grid, leftOut]);
  useEffect(() => {
    let live = true;
    const [p, pathOf, g, l] = JSON.parse(key) as [string, string, Record<string, unknown[]>, number[]];
    const timer = setTimeout(() => {
      bridge.request('jobs.preview', { projectId: p, path: pathOf, grid: g, leftOut: l }).then(
        (preview) => live && setState({ preview, error: undefined }),
        (error: unknown) => live && setState((before) => ({ preview: before.preview, error: errorMessage(error) })),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return state;
}
