import type Docker from 'dockerode';
import type { Disposable } from '../app-error';
import { onJsonLines } from './json-lines';

/** What happens to a service's container that changes what a person should see. */
const FOLLOWED = ['start', 'die', 'oom', 'destroy', 'health_status'] as const;
type FollowedAction = (typeof FOLLOWED)[number];

export interface ContainerEvent {
  action: FollowedAction;
  containerName: string;
  labels: Record<string, string>;
  exitCode: number | undefined;
}

interface EngineEvent {
  Action?: string;
  Actor?: { Attributes?: Record<string, string> };
}

/** Follows the engine's events of containers with the label (FOLLOWED) until disposed or the stream ends. */
export async function watchContainerEvents(
  docker: Docker,
  label: string,
  onEvent: (event: ContainerEvent) => void,
  onEnd: () => void,
): Promise<Disposable> {
  const stream = (await docker.getEvents({
    filters: { type: ['container'], event: [...FOLLOWED], label: [label] },
  })) as NodeJS.ReadableStream & { destroy(): void };
  onJsonLines(stream, (event) => emit(event as EngineEvent, onEvent));
  let disposed = false;
  stream.on('end', () => disposed || onEnd());
  stream.on('error', () => disposed || onEnd());
  return {
    dispose: () => {
      disposed = true;
      stream.destroy();
    },
  };
}

function emit(event: EngineEvent, onEvent: (event: ContainerEvent) => void): void {
  const attributes = event.Actor?.Attributes ?? {};
  // health_status comes as `health_status: healthy`.
  const action = FOLLOWED.find((followed) => event.Action === followed || event.Action?.startsWith(`${followed}:`));
  if (!action) return;
  const exitCode = attributes.exitCode === undefined ? undefined : Number(attributes.exitCode);
  const { name = '', exitCode: _exit, image: _image, ...labels } = attributes;
  onEvent({ action, containerName: name, labels, exitCode });
}
