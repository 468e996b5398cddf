import { useEffect, useState } from 'react';
import type { RequestInput, RequestOutput } from '../../../../electron/contract';
import { bridge } from '../../bridge/client';
import { errorMessage } from '../../bridge/request-error';
import { debounce } from '../../stores/debounce';

type ListingRequest = 'pipelines.list' | 'environments.list';

export interface ProjectListing<T> {
  items: T | undefined;
  error: string | undefined;
}

const REFETCH_MS = 300;

/** Lists something of a project, and lists it again when the project's files change (it is watched while open). */
export function useProjectListing<N extends ListingRequest>(name: N, projectId: string): ProjectListing<RequestOutput<N>> {
  const [listing, setListing] = useState<ProjectListing<RequestOutput<N>>>({ items: undefined, error: undefined });

  useEffect(() => {
    let live = true;
    let generation = 0;
    setListing({ items: undefined, error: undefined });
    const load = async () => {
      const mine = ++generation;
      try {
        const items = (await bridge.request(name, { projectId } as RequestInput<N>)) as RequestOutput<N>;
        if (live && mine === generation) setListing({ items, error: undefined });
      } catch (error) {
        if (live && mine === generation) setListing((before) => ({ items: before.items, error: errorMessage(error) }));
      }
    };
    const refetch = debounce(() => void load(), REFETCH_MS);
    const off = bridge.on('project.filesChanged', (event) => {
      if (event.projectId === projectId) refetch();
    });
    void load();
    return () => {
      live = false;
      off();
      refetch.cancel();
    };
  }, [name, projectId]);

  return listing;
}
