import { describe, expect, it } from 'vitest';
import { diagnoseEngine, type EngineSurroundings } from '../../../../electron/core/docker/engine-diagnosis';

const linux: EngineSurroundings = { platform: 'linux', dockerHost: undefined, dockerInstalled: true, podmanSocket: undefined };
const missing = { code: 'ENOENT', address: '/var/run/docker.sock', message: 'connect ENOENT /var/run/docker.sock' };

describe('diagnoseEngine', () => {
  it('tells a missing engine from one that is installed but stopped', () => {
    expect(diagnoseEngine(missing, { ...linux, dockerInstalled: false })).toMatchObject({
      problem: 'not-installed',
      reason: 'no Docker socket at /var/run/docker.sock',
      advice: [{ command: 'sudo apt-get install docker.io' }, { command: 'sudo systemctl enable --now docker' }, { command: 'systemctl --user enable --now podman.socket' }],
    });
    expect(diagnoseEngine(missing, linux)).toMatchObject({ problem: 'not-running', advice: [{ command: 'sudo systemctl start docker' }, expect.anything()] });
  });

  it('calls a socket nobody listens on an engine that is not running', () => {
    const refused = { code: 'ECONNREFUSED', address: '/tmp/d.sock', message: 'refused' };
    expect(diagnoseEngine(refused, { ...linux, dockerHost: 'unix:///tmp/d.sock' })).toMatchObject({
      problem: 'not-running',
      reason: 'connection refused at /tmp/d.sock',
    });
  });

  it('names the docker group for a socket the user may not open', () => {
    const denied = diagnoseEngine({ code: 'EACCES', address: '/var/run/docker.sock', message: 'denied' }, linux);
    expect(denied).toMatchObject({ problem: 'permission-denied', reason: 'permission denied on /var/run/docker.sock' });
    expect(denied.advice[0]).toMatchObject({ command: 'sudo usermod -aG docker $USER' });
    expect(diagnoseEngine({ code: 'EACCES', message: 'denied' }, { ...linux, platform: 'win32' }).advice[0]?.command).toMatch(/docker-users/);
  });

  it('blames DOCKER_HOST when what it names is not there, and says how to unset it on each platform', () => {
    const around = { ...linux, dockerHost: 'unix:///nowhere.sock' };
    const diagnosis = diagnoseEngine({ ...missing, address: '/nowhere.sock' }, around);
    expect(diagnosis).toMatchObject({ problem: 'host-unreachable', reason: 'no Docker socket at /nowhere.sock' });
    expect(diagnosis.advice[0]).toMatchObject({ text: expect.stringContaining('DOCKER_HOST is unix:///nowhere.sock'), command: 'unset DOCKER_HOST' });
    expect(diagnoseEngine({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND box' }, { ...around, platform: 'win32' })).toMatchObject({
      problem: 'host-unreachable',
      reason: 'getaddrinfo ENOTFOUND box',
      advice: [{ command: 'Remove-Item Env:DOCKER_HOST' }, expect.anything()],
    });
  });

  it('points Docker Desktop users at Docker Desktop', () => {
    const mac = { ...linux, platform: 'darwin' as const, dockerInstalled: false };
    expect(diagnoseEngine(missing, mac).advice[0]?.text).toBe('Install Docker Desktop for Mac and open it once.');
    expect(diagnoseEngine(missing, { ...mac, dockerInstalled: true }).advice).toEqual([
      { text: 'Open Docker Desktop and wait until it says the engine is running.' },
    ]);
  });

  it("offers Podman's socket when there is one", () => {
    const diagnosis = diagnoseEngine(missing, { ...linux, dockerInstalled: false, podmanSocket: '/run/user/1000/podman/podman.sock' });
    expect(diagnosis.advice.at(-1)).toEqual({
      text: "Podman's socket is at /run/user/1000/podman/podman.sock; to use Podman instead, start Orchest Desktop with",
      command: 'export DOCKER_HOST=unix:///run/user/1000/podman/podman.sock',
    });
  });

  it('says an engine that takes too long does not answer', () => {
    expect(diagnoseEngine({ code: 'ENOANSWER', message: 'no answer within 5 s' }, { ...linux, dockerHost: 'tcp://box:2375' })).toMatchObject({
      problem: 'no-answer',
      reason: 'no answer within 5 s',
    });
  });
});
