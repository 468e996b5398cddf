import type Docker from 'dockerode';
import type { SessionService } from '../../contract';
import { publishedPorts } from '../docker/containers';

/** What the engine says of a service's container, as the fields of the service it decides. */
export type ServiceObservation = Pick<SessionService, 'state' | 'ports'> &
  Partial<Pick<SessionService, 'exitCode' | 'oomKilled' | 'restartCount' | 'startedAt' | 'finishedAt' | 'health'>>;

const NEVER = '0001-01-01T00:00:00Z';
/** Restarted this often, each time failing within CRASH_LOOP_SECONDS of its start: it keeps failing. */
const CRASH_LOOP_RESTARTS = 3;
const CRASH_LOOP_SECONDS = 10;

/**
 * The service as its container is now: an inspect (undefined when the container is gone) read into
 * state, exit code, OOM kill, restarts, times, health and host ports. The one reading of the engine's
 * truth for services, whether the app just started the container or an event said it changed.
 */
export function observeService(service: Pick<SessionService, 'ports'>, info: Docker.ContainerInspectInfo | undefined): ServiceObservation {
  if (!info) return { state: 'removed', ports: service.ports.map((p) => ({ ...p, listening: false })) };
  const { State } = info;
  const running = State.Running && !State.Restarting;
  const published = publishedPorts(info);
  const observation: ServiceObservation = {
    state: running ? 'running' : State.Status === 'created' ? 'starting' : stoppedState(info),
    ports: service.ports.map((p) => ({ ...p, hostPort: published.get(p.port) ?? (running ? null : p.hostPort), listening: running && p.listening })),
    restartCount: info.RestartCount,
  };
  if (State.StartedAt && State.StartedAt !== NEVER) observation.startedAt = State.StartedAt;
  if (!running && State.Status !== 'created') {
    observation.exitCode = State.ExitCode;
    observation.oomKilled = State.OOMKilled;
    if (State.FinishedAt && State.FinishedAt !== NEVER) observation.finishedAt = State.FinishedAt;
  }
  const health = State.Health?.Status;
  if (health === 'starting' || health === 'healthy' || health === 'unhealthy') observation.health = health;
  return observation;
}

function stoppedState({ State, RestartCount }: Docker.ContainerInspectInfo): ServiceObservation['state'] {
  const ranFor = (Date.parse(State.FinishedAt) - Date.parse(State.StartedAt)) / 1000;
  if (RestartCount >= CRASH_LOOP_RESTARTS && ranFor >= 0 && ranFor < CRASH_LOOP_SECONDS) return 'crash-looping';
  return State.Restarting ? 'restarting' : 'exited';
}
