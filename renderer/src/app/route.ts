export const PROJECT_TABS = ['files', 'pipelines', 'environments', 'variables', 'jobs'] as const;
export type ProjectTab = (typeof PROJECT_TABS)[number];

export const PIPELINE_SECTIONS = ['overview', 'services', 'variables', 'logs'] as const;
export type PipelineSection = (typeof PIPELINE_SECTIONS)[number];

/**
 * Where the person is: the hash part of the address, e.g. #/projects/<uuid>/files, or a pipeline as
 * #/projects/<uuid>/pipelines/<encoded path>/services (the path is one encoded segment); the logs section
 * may name one service: #/projects/<uuid>/pipelines/<encoded path>/logs/<service>; the environments tab
 * may name one environment: #/projects/<uuid>/environments/<environment uuid>; the jobs tab may name one
 * job, and one of its runs: #/projects/<uuid>/jobs/<job uuid>/runs/<run uuid>.
 */
export type Route =
  | { name: 'home' }
  | { name: 'project'; projectId: string; tab: ProjectTab; environment?: string; job?: string; run?: string }
  | { name: 'pipeline'; projectId: string; path: string; section: PipelineSection; source?: string };

export const HOME: Route = { name: 'home' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(safeDecode);
  if (parts[0] === 'projects' && parts[1]) {
    if (parts[2] === 'pipelines' && parts[3]) {
      const section = PIPELINE_SECTIONS.find((s) => s === parts[4]) ?? 'overview';
      const source = section === 'logs' ? parts[5] : undefined;
      return { name: 'pipeline', projectId: parts[1], path: parts[3], section, ...(source ? { source } : {}) };
    }
    const tab = PROJECT_TABS.find((t) => t === parts[2]) ?? 'files';
    const environment = tab === 'environments' ? parts[3] : undefined;
    if (tab === 'jobs' && parts[3]) return { name: 'project', projectId: parts[1], tab, ...jobPlace(parts[3], parts[4], parts[5]) };
    return { name: 'project', projectId: parts[1], tab, ...(environment ? { environment } : {}) };
  }
  return HOME;
}

export function formatRoute(route: Route): string {
  if (route.name === 'home') return '#/';
  const project = `#/projects/${encodeURIComponent(route.projectId)}`;
  if (route.name === 'project') {
    const environment = route.tab === 'environments' && route.environment ? `/${encodeURIComponent(route.environment)}` : '';
    if (route.tab === 'jobs' && route.job) return `${project}/jobs/${formatJobPlace(route.job, route.run)}`;
    return `${project}/${route.tab}${environment}`;
  }
  const source = route.section === 'logs' && route.source ? `/${encodeURIComponent(route.source)}` : '';
  return `${project}/pipelines/${encodeURIComponent(route.path)}/${route.section}${source}`;
}

function jobPlace(job: string, runs: string | undefined, run: string | undefined): { job: string; run?: string } {
  return runs === 'runs' && run ? { job, run } : { job };
}

function formatJobPlace(job: string, run: string | undefined): string {
  return `${encodeURIComponent(job)}${run ? `/runs/${encodeURIComponent(run)}` : ''}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
