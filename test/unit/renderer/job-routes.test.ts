import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../../renderer/src/app/route';

const ID = '6f1c1e0a-2d4b-4c8e-9a55-0d2f1c3b4a5e';
const JOB = '0b7c7e3e-1f0e-4b8e-9c1d-2a3b4c5d6e7f';
const RUN = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('job routes', () => {
  it('open the jobs list, one job, or one run of it', () => {
    expect(parseRoute(`#/projects/${ID}/jobs`)).toEqual({ name: 'project', projectId: ID, tab: 'jobs' });
    const job = { name: 'project', projectId: ID, tab: 'jobs', job: JOB } as const;
    expect(formatRoute(job)).toBe(`#/projects/${ID}/jobs/${JOB}`);
    expect(parseRoute(formatRoute(job))).toEqual(job);
    const run = { ...job, run: RUN } as const;
    expect(formatRoute(run)).toBe(`#/projects/${ID}/jobs/${JOB}/runs/${RUN}`);
    expect(parseRoute(formatRoute(run))).toEqual(run);
  });

  it('name a job only on the jobs tab, and a run only after runs/', () => {
    expect(parseRoute(`#/projects/${ID}/jobs/${JOB}/nope/${RUN}`)).toEqual({ name: 'project', projectId: ID, tab: 'jobs', job: JOB });
    expect(parseRoute(`#/projects/${ID}/jobs/${JOB}/runs`)).toEqual({ name: 'project', projectId: ID, tab: 'jobs', job: JOB });
    expect(formatRoute({ name: 'project', projectId: ID, tab: 'files', job: JOB, run: RUN })).toBe(`#/projects/${ID}/files`);
    expect(formatRoute({ name: 'project', projectId: ID, tab: 'jobs', run: RUN })).toBe(`#/projects/${ID}/jobs`);
  });
});
