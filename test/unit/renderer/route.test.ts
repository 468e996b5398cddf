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

  it('open the overview when no or an unknown section is named', () => {
    expect(parseRoute(`#/projects/${ID}/pipelines/main.orchest`)).toEqual({ name: 'pipeline', projectId: ID, path: 'main.orchest', section: 'overview' });
    expect(parseRoute(`#/projects/${ID}/pipelines/main.orchest/nope`)).toMatchObject({ section: 'overview' });
    expect(parseRoute(`#/projects/${ID}/pipelines`)).toEqual({ name: 'project', projectId: ID, tab: 'pipelines' });
  });
});
