import { useStore } from 'zustand';
import { environmentsStore, pipelineStore } from '../../stores/app-stores';
import type { EnvironmentEntry } from '../../stores/environment-entry';

const PREFIX = 'environment@';

/** The environments the pipeline's services run on (`environment@<uuid>`) that have no successful build yet. */
export function useEnvironmentsToBuild(projectId: string, path: string): EnvironmentEntry[] {
  const services = useStore(pipelineStore, (s) => (s.projectId === projectId && s.path === path ? s.document?.definition.services : undefined));
  const entries = useStore(environmentsStore, (s) => (s.projectId === projectId ? s.entries : undefined));
  if (!entries || typeof services !== 'object' || services === null) return [];
  const uuids = new Set<string>();
  for (const service of Object.values(services as Record<string, unknown>)) {
    const image = typeof service === 'object' && service !== null ? (service as { image?: unknown }).image : undefined;
    if (typeof image === 'string' && image.startsWith(PREFIX)) uuids.add(image.slice(PREFIX.length));
  }
  return [...uuids].map((uuid) => entries[uuid]).filter((e): e is EnvironmentEntry => e !== undefined && !e.environment.image);
}
