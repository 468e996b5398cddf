import { describe, expect, it } from 'vitest';
import { formatRoute, HOME, parseRoute } from '../../../renderer/src/app/route';

const ID = '6f1c1e0a-2d4b-4c8e-9a55-0d2f1c3b4a5e';

describe('parseRoute', () => {
  it('reads a project and its tab', () => {
    expect(parseRoute(`#/projects/${ID}/pipelines`)).toEqual({ name: 'project', projectId: ID, tab: 'pipelines' });
  });

  it('opens the files tab when none or an unknown one is named', () => {
    expect(parseRoute(`#/projects/${ID}`)).toEqual({ name: 'project', projectId: ID, tab: 'files' });
    expect(parseRoute(`#/projects/${ID}/nope`)).toEqual({ name: 'project', projectId: ID, tab: 'files' });
  });

  it('falls back to home for empty, unknown and malformed hashes', () => {
    for (const hash of ['', '#', '#/', '#/projects', '#/somewhere/else']) expect(parseRoute(hash)).toEqual(HOME);
    expect(parseRoute('#/projects/%E0%A4%A/files')).toEqual({ name: 'project', projectId: '%E0%A4%A', tab: 'files' });
  });
});

describe('formatRoute', () => {
  it('round-trips through parseRoute', () => {
    const route = { name: 'project', projectId: ID, tab: 'environments' } as const;
    expect(formatRoute(route)).toBe(`#/projects/${ID}/environments`);
    expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(parseRoute(formatRoute(HOME))).toEqual(HOME);
  });

  it('knows the variables tab of a project and of a pipeline', () => {
    expect(parseRoute(`#/projects/${ID}/variables`)).toEqual({ name: 'project', projectId: ID, tab: 'variables' });
    expect(parseRoute(`#/projects/${ID}/pipelines/main.orchest/variables`)).toMatchObject({ section: 'variables' });
  });

  it('escapes what would break the path', () => {
    expect(parseRoute(formatRoute({ name: 'project', projectId: 'a/b', tab: 'files' }))).toMatchObject({ projectId: 'a/b' });
  });
});

describe('pipeline routes', () => {
  it('keep the pipeline path in one segment, slashes and all', () => {
    const route = { name: 'pipeline', projectId: ID, path: 'pipelines/train model.orchest', section: 'services' } as const;
    expect(formatRoute(route)).toBe(`#/projects/${ID}/pipelines/pipelines%2Ftrain%20model.orchest/services`);
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('open the logs of all services, or of the one named', () => {
    expect(parseRoute(`#/projects/${ID}/pipelines/main.orchest/logs`)).toEqual({ name: 'pipeline', projectId: ID, path: 'main.orchest', section: 'logs' });
    const route = { name: 'pipeline', projectId: ID, path: 'main.orchest', section: 'logs', source: 'my web' } as const;
    expect(formatRoute(route)).toBe(`#/projects/${ID}/pipelines/main.orchest/logs/my%20web`);
    expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(formatRoute({ ...route, section: 'services' })).toBe(`#/projects/${ID}/pipelines/main.orchest/services`);
  });

  it('open the overview when no or an unknown section is named', () => {
    expect(parseRoute(`#/projects/${ID}/pipelines/main.orchest`)).toEqual({ name: 'pipeline', projectId: ID, path: 'main.orchest', section: 'overview' });
    expect(parseRoute(`#/projects/${ID}/pipelines/main.orchest/nope`)).toMatchObject({ section: 'overview' });
    expect(parseRoute(`#/projects/${ID}/pipelines`)).toEqual({ name: 'project', projectId: ID, tab: 'pipelines' });
  });
});

describe('environment routes', () => {
  const ENV = '0b7c7e3e-1f0e-4b8e-9c1d-2a3b4c5d6e7f';

  it('open the list, or the one environment named', () => {
    expect(parseRoute(`#/projects/${ID}/environments`)).toEqual({ name: 'project', projectId: ID, tab: 'environments' });
    const route = { name: 'project', projectId: ID, tab: 'environments', environment: ENV } as const;
    expect(formatRoute(route)).toBe(`#/projects/${ID}/environments/${ENV}`);
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('name an environment only on the environments tab', () => {
    expect(parseRoute(`#/projects/${ID}/files/${ENV}`)).toEqual({ name: 'project', projectId: ID, tab: 'files' });
    expect(formatRoute({ name: 'project', projectId: ID, tab: 'files', environment: ENV })).toBe(`#/projects/${ID}/files`);
  });
});
