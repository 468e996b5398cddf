export const PROJECT_TABS = ['files', 'pipelines', 'environments', 'variables'] as const;
export type ProjectTab = (typeof PROJECT_TABS)[number];

export const PIPELINE_SECTIONS = ['overview', 'services', 'variables'] as const;
export type PipelineSection = (typeof PIPELINE_SECTIONS)[number];

/**
 * Where the person is: the hash part of the address, e.g. #/projects/<uuid>/files, or a pipeline as
 * #/projects/<uuid>/pipelines/<encoded path>/services (the path is one encoded segment).
 */
export type Route =
  | { name: 'home' }
  | { name: 'project'; projectId: string; tab: ProjectTab }
  | { name: 'pipeline'; projectId: string; path: string; section: PipelineSection };

export const HOME: Route = { name: 'home' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  if (parts[0] === 'projects' && parts[1]) {
    if (parts[2] === 'pipelines' && parts[3]) {
      const section = PIPELINE_SECTIONS.find((s) => s === parts[4]) ?? 'overview';
      return { name: 'pipeline', projectId: parts[1], path: parts[3], section };
    }
    const tab = PROJECT_TABS.find((t) => t === parts[2]) ?? 'files';
    return { name: 'project', projectId: parts[1], tab };
  }
  return HOME;
}

export function formatRoute(route: Route): string {
  if (route.name === 'home') return '#/';
  const project = `#/projects/${encodeURIComponent(route.projectId)}`;
  if (route.name === 'project') return `${project}/${route.tab}`;
  return `${project}/pipelines/${encodeURIComponent(route.path)}/${route.section}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
