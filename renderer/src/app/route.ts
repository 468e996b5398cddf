export const PROJECT_TABS = ['files', 'pipelines', 'environments'] as const;
export type ProjectTab = (typeof PROJECT_TABS)[number];

/** Where the person is: the hash part of the address, e.g. #/projects/<uuid>/files. */
export type Route = { name: 'home' } | { name: 'project'; projectId: string; tab: ProjectTab };

export const HOME: Route = { name: 'home' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  if (parts[0] === 'projects' && parts[1]) {
    const tab = PROJECT_TABS.find((t) => t === parts[2]) ?? 'files';
    return { name: 'project', projectId: parts[1], tab };
  }
  return HOME;
}

export function formatRoute(route: Route): string {
  if (route.name === 'home') return '#/';
  return `#/projects/${encodeURIComponent(route.projectId)}/${route.tab}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
