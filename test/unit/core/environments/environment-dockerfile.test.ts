import { describe, expect, it } from 'vitest';
import { environmentDockerfile, reservedNames } from '../../../../electron/core/environments/environment-dockerfile';

const P = '11111111-1111-4111-8111-111111111111';
const E = '22222222-2222-4222-8222-222222222222';
const { setupScript } = reservedNames(P, E);
const setupRun = (dockerfile: string) => dockerfile.split('\n').find((l) => l.includes('_ORCHEST_DESKTOP_SETUP_SCRIPT_STARTS_'))!;

describe("the environment's Dockerfile with build variables", () => {
  it('without build variables, copies the project and runs the copied script as before', () => {
    const dockerfile = environmentDockerfile(P, E, 'debian:12');
    expect(dockerfile).toContain('\nCOPY . .\n');
    expect(dockerfile).not.toMatch(/--mount|ARG /);
    expect(setupRun(dockerfile)).toMatch(new RegExp(`^RUN echo _ORCHEST_DESKTOP_SETUP_SCRIPT_STARTS_ && if command -v bash >/dev/null; then bash < ${setupScript.replace(/\./g, '\\.')};`));
    expect(setupRun(dockerfile)).toContain(`rm ${setupScript}`);
  });

  it('as secrets: mounts each in the set-up RUN and hands it to the script, with the project in its own folder', () => {
    const dockerfile = environmentDockerfile(P, E, 'debian:12', { names: ['INDEX_TOKEN', 'PIP-PASS'], as: 'secret' });
    const run = setupRun(dockerfile);
    expect(run).toMatch(/^RUN --mount=type=secret,id=INDEX_TOKEN --mount=type=secret,id=PIP-PASS --mount=type=bind,source=\S+,target=\/tmp\/\S+ echo /);
    expect(run).toContain(`env "INDEX_TOKEN=$(cat /run/secrets/INDEX_TOKEN)" "PIP-PASS=$(cat /run/secrets/PIP-PASS)" bash < /tmp/${setupScript}`);
    expect(run).not.toContain('rm ');
    expect(dockerfile).toContain('\nCOPY project/ .\n');
    expect(dockerfile).not.toContain('ARG ');
    expect(dockerfile.startsWith('FROM debian:12\n')).toBe(true); // no `# syntax=`: the engine's own frontend mounts secrets
  });

  it('as build arguments: ARG lines before the set-up RUN, nothing mounted', () => {
    const dockerfile = environmentDockerfile(P, E, 'debian:12', { names: ['INDEX_TOKEN'], as: 'arg' });
    const lines = dockerfile.split('\n');
    expect(lines.indexOf('ARG INDEX_TOKEN')).toBe(lines.indexOf(setupRun(dockerfile)) - 1);
    expect(dockerfile).not.toContain('--mount');
    expect(dockerfile).toContain('\nCOPY . .\n');
  });
});
