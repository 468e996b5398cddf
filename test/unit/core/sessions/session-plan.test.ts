import { describe, expect, it } from 'vitest';
import { planSession, type ServiceDefinition, type SessionPlanInput } from '../../../../electron/core/sessions/session-plan';

const PROJECT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const PIPELINE = '11111111-2222-4333-8444-555555555555';
const SESSION = 'aaaaaaaa-bbbb-4ccc11111111-2222-4333';

const service = (overrides: Partial<ServiceDefinition>): ServiceDefinition => ({
  name: 'web',
  image: 'nginx',
  scope: ['interactive'],
  ports: [8080],
  ...overrides,
});

const input = (services: ServiceDefinition[], extra: Partial<SessionPlanInput> = {}): SessionPlanInput => ({
  owner: 'home-1',
  projectUuid: PROJECT,
  pipelineUuid: PIPELINE,
  pipelineFile: '/ws/projects/p/main.orchest',
  projectDir: '/ws/projects/p',
  dataDir: '/ws/data',
  services: Object.fromEntries(services.map((s) => [s.name, s])),
  variables: {},
  environmentImages: {},
  appBinds: [],
  ...extra,
});

describe('planSession', () => {
  it('names the session, its network and containers as Orchest did, with labels on all', () => {
    const plan = planSession(input([service({})]));
    expect(plan.sessionUuid).toBe(SESSION);
    expect(plan.sessionUuid).toHaveLength(36);
    expect(plan.network).toEqual({
      name: `orchest-session-${SESSION}`,
      labels: {
        'io.orchest-desktop.managed': 'true',
        'io.orchest-desktop.owner': 'home-1',
        'io.orchest-desktop.project': PROJECT,
        'io.orchest-desktop.pipeline': PIPELINE,
        'io.orchest-desktop.session': SESSION,
        'io.orchest-desktop.session-type': 'interactive',
      },
    });
    expect(plan.containers).toEqual([
      {
        service: 'web',
        proxy: { exposed: false, requiresAuthentication: true, preserveBasePath: false },
        name: `web-${SESSION}`,
        image: 'nginx',
        entrypoint: undefined,
        cmd: undefined,
        env: [
          `ORCHEST_PROJECT_UUID=${PROJECT}`,
          `ORCHEST_PIPELINE_UUID=${PIPELINE}`,
          'ORCHEST_PIPELINE_PATH=/pipeline.json',
          `ORCHEST_SESSION_UUID=${SESSION}`,
          'ORCHEST_SESSION_TYPE=interactive',
        ],
        labels: {
          ...plan.network.labels,
          'io.orchest-desktop.service': 'web',
          'io.orchest-desktop.proxy': '{"exposed":false,"requiresAuthentication":true,"preserveBasePath":false}',
        },
        binds: ['/ws/projects/p/main.orchest:/pipeline.json:ro'],
        ports: [8080],
      },
    ]);
  });

  it("takes Orchest's proxy settings, requiring authentication unless it is turned off", () => {
    const plan = planSession(
      input([
        service({ name: 'open', exposed: true, requires_authentication: false, preserve_base_path: true }),
        service({ name: 'guarded', exposed: true }),
      ]),
    );
    expect(plan.containers.map((c) => [c.service, c.proxy])).toEqual([
      ['guarded', { exposed: true, requiresAuthentication: true, preserveBasePath: false }],
      ['open', { exposed: true, requiresAuthentication: false, preserveBasePath: true }],
    ]);
  });

  it('skips services without the interactive scope', () => {
    const plan = planSession(input([service({ name: 'job-only', scope: ['noninteractive'] }), service({ name: 'both', scope: ['interactive', 'noninteractive'] })]));
    expect(plan.containers.map((c) => c.service)).toEqual(['both']);
  });

  it('uses [command] as entrypoint and shell-splits args, quotes and all', () => {
    const [container] = planSession(
      input([service({ command: 'bash', args: `-c 'umask 002 && echo "a b"' "x y" z\\ w` })]),
    ).containers;
    expect(container?.entrypoint).toEqual(['bash']);
    expect(container?.cmd).toEqual(['-c', 'umask 002 && echo "a b"', 'x y', 'z w']);
  });

  it('keeps the image defaults without command and args, and an empty args key means no arguments', () => {
    expect(planSession(input([service({ command: '' })])).containers[0]).toMatchObject({ entrypoint: undefined, cmd: undefined });
    expect(planSession(input([service({ args: '' })])).containers[0]?.cmd).toEqual([]);
  });

  it('lets inherited variables win over the service own, and ignores unset ones', () => {
    const [container] = planSession(
      input([service({ env_variables: { A: 'own', B: 'own' }, env_variables_inherit: ['B', 'MISSING'] })], {
        variables: { B: 'secret', OTHER: 'not inherited' },
      }),
    ).containers;
    expect(container?.env.slice(5)).toEqual(['A=own', 'B=secret']);
  });

  it('substitutes $BASE_PATH_PREFIX across the definition, with pbp- when the base path is preserved', () => {
    const [plain, pbp] = planSession(
      input([
        service({ name: 'a-app', args: '--base $BASE_PATH_PREFIX_8080', env_variables: { URL: '$BASE_PATH_PREFIX:9999' } }),
        service({ name: 'b-streamlit', preserve_base_path: true, env_variables: { STREAMLIT_SERVER_BASE_URL_PATH: '$BASE_PATH_PREFIX_8501' } }),
      ]),
    ).containers;
    expect(plain?.cmd).toEqual(['--base', `service-a-app-${SESSION}_8080`]);
    expect(plain?.env).toContain(`URL=service-a-app-${SESSION}:9999`);
    expect(pbp?.env).toContain(`STREAMLIT_SERVER_BASE_URL_PATH=pbp-service-b-streamlit-${SESSION}_8501`);
  });

  it('mounts the project and data folders only where named', () => {
    const [container] = planSession(input([service({ binds: { '/project-dir': '/home/coder/code', '/data': '/data' } })])).containers;
    expect(container?.binds).toEqual([
      '/ws/projects/p/main.orchest:/pipeline.json:ro',
      '/ws/projects/p:/home/coder/code',
      '/ws/data:/data',
    ]);
  });

  it("mounts the app's files in every container, and keeps every service's spec for the SDK", () => {
    const plan = planSession(
      input([service({ env_variables: { HOME_URL: '$BASE_PATH_PREFIX_8080' } }), service({ name: 'job', scope: ['noninteractive'] })], {
        appBinds: ['/home/sdk:/orchest/sdk:ro'],
      }),
    );
    expect(plan.containers[0]?.binds).toEqual(['/ws/projects/p/main.orchest:/pipeline.json:ro', '/home/sdk:/orchest/sdk:ro']);
    expect(Object.keys(plan.serviceSpecs)).toEqual(['web', 'job']);
    expect(plan.serviceSpecs.web?.env_variables).toEqual({ HOME_URL: `service-web-${SESSION}_8080` });
  });

  it('resolves environment@<uuid> to its built image, and says which environment to build otherwise', () => {
    const env = '66d457df-2c82-432a-895c-2e6a16caf09e';
    const image = `orchest-env-${PROJECT}-${env}:3`;
    expect(planSession(input([service({ image: `environment@${env}` })], { environmentImages: { [env]: image } })).containers[0]?.image).toBe(image);
    expect(() => planSession(input([service({ image: `environment@${env}` })]))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining(`environment@${env}: that environment has no successful build`) }),
    );
  });

  it("plans a job run's session: only noninteractive services, named by the run's uuid, and so told", () => {
    const run = '99999999-8888-4777-8666-555555555555';
    const plan = planSession(
      input(
        [
          service({ name: 'editor-only' }),
          service({ name: 'job-only', scope: ['noninteractive'], env_variables: { URL: '$BASE_PATH_PREFIX_80' } }),
          service({ name: 'both', scope: ['interactive', 'noninteractive'] }),
        ],
        { sessionType: 'noninteractive', sessionUuid: run },
      ),
    );
    expect(plan.sessionUuid).toBe(run);
    expect(plan.network.name).toBe(`orchest-session-${run}`);
    expect(plan.containers.map((c) => c.name)).toEqual([`both-${run}`, `job-only-${run}`]);
    const jobOnly = plan.containers.find((c) => c.service === 'job-only')!;
    expect(jobOnly.env).toEqual([
      `ORCHEST_PROJECT_UUID=${PROJECT}`,
      `ORCHEST_PIPELINE_UUID=${PIPELINE}`,
      'ORCHEST_PIPELINE_PATH=/pipeline.json',
      `ORCHEST_SESSION_UUID=${run}`,
      'ORCHEST_SESSION_TYPE=noninteractive',
      `URL=service-job-only-${run}_80`,
    ]);
    expect(jobOnly.labels['io.orchest-desktop.session']).toBe(run);
    expect(jobOnly.labels['io.orchest-desktop.session-type']).toBe('noninteractive'); // the jobs' own, which session recovery leaves alone
  });
});
