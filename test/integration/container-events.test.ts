import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DockerRelay } from '../helpers/docker-relay';
import { requireDocker } from '../helpers/require-docker';
import { docker, idleService, startSessionApp, type SessionApp } from '../helpers/session-app';
import { ensureTestImage } from '../helpers/test-images';
import { pollUntil } from '../helpers/poll';

describe("the engine's event stream ending in the middle of a session", () => {
  let busybox: string;
  let relay: DockerRelay;
  let current: SessionApp | undefined;
  let dockerHostBefore: string | undefined;

  const worker = async () => (await current!.app.sessions.get(current!.project.uuid, 'main.orchest')).services.find((s) => s.name === 'worker')!;
  /** Kills the worker behind the app's back and waits for the app to show it exited. */
  async function killWorkerAndSeeItExit(): Promise<void> {
    await docker('kill', (await worker()).containerName);
    await pollUntil(worker, (service) => service.state === 'exited', "the app seeing the worker's container die", 30_000);
  }

  beforeAll(async () => {
    await requireDocker();
    busybox = await ensureTestImage('busybox');
  }, 600_000);

  // A session of two services (one still runs when the other dies, so the session stays), whose app
  // reaches the engine through a relay. DOCKER_HOST is read when the app makes its client, and stays
  // set so that the engine's address the app reports does not change meanwhile.
  beforeEach(async () => {
    relay = await DockerRelay.open();
    dockerHostBefore = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = relay.dockerHost;
    current = await startSessionApp('events');
    await current.setServices({ web: idleService('web', busybox), worker: idleService('worker', busybox) });
    expect((await current.app.sessions.start(current.project.uuid, 'main.orchest', true)).status).toBe('RUNNING');
    await relay.untilEventStreams(1, 'at start');
  });

  afterEach(async () => {
    try {
      if (!relay.listening) await relay.listen();
      await current?.close();
    } finally {
      current = undefined;
      if (dockerHostBefore === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = dockerHostBefore;
      await relay.dispose();
    }
  });

  it('notices a container that dies after the engine went away and came back', async () => {
    await relay.goAway();
    await pollUntil(() => current!.app.engine.status(), (status) => !status.reachable, 'the app seeing the engine gone', 30_000);
    await relay.listen();
    await relay.untilEventStreams(2, 'after the engine came back');
    await killWorkerAndSeeItExit();
  }, 120_000);

  // The stream ends while the engine goes on answering (its polled status never changes): the app
  // follows the events again by itself.
  it('notices a container that dies after the event stream ended while the engine went on answering', async () => {
    relay.endEventStreams();
    await relay.untilEventStreams(2, 'after the event stream ended');
    await killWorkerAndSeeItExit();
  }, 120_000);

  it('takes the session back as the engine has it once the stream is back: a death while it was cut shows', async () => {
    await relay.goAway();
    await pollUntil(() => current!.app.engine.status(), (status) => !status.reachable, 'the app seeing the engine gone', 30_000);
    // Dies while the app cannot hear of it (killed on the engine's own socket, not the relay): only
    // reading the engine again afterwards can tell.
    await docker('-H', 'unix:///var/run/docker.sock', 'kill', (await worker()).containerName);
    expect((await worker()).state).toBe('running');
    await relay.listen();
    await pollUntil(worker, (service) => service.state === 'exited', 'the app reading the death from the engine', 30_000);
  }, 120_000);
});
