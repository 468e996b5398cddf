import type Docker from 'dockerode';
import type { Disposable } from '../app-error';

export interface ContainerEvent {
  action: 'die' | 'start';
  containerName: string;
  labels: Record<string, string>;
  exitCode: number | undefined;
}

interface EngineEvent {
  Action?: string;
  Actor?: { Attributes?: Record<string, string> };
}

/** Follows the engine's start and die events of containers with the label until disposed or the engine goes. */
export async function watchContainerEvents(
  docker: Docker,
  label: string,
  onEvent: (event: ContainerEvent) => void,
  onEnd: () => void,
): Promise<Disposable> {
  const stream = (await docker.getEvents({
    filters: { type: ['container'], event: ['die', 'start'], label: [label] },
  })) as NodeJS.ReadableStream & { destroy(): void };
  let buffered = '';
  stream.setEncoding('utf8'); // a character split between chunks stays whole
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) emit(parseEvent(line), onEvent);
    }
  });
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

/** One event; a line that is not JSON (never seen from the engine) is skipped, not thrown in a stream handler. */
function parseEvent(line: string): EngineEvent {
  try {
    return JSON.parse(line) as EngineEvent;
  } catch {
    return {};
  }
}

function emit(event: EngineEvent, onEvent: (event: ContainerEvent) => void): void {
  const attributes = event.Actor?.Attributes ?? {};
  if (event.Action !== 'die' && event.Action !== 'start') return;
  const exitCode = attributes.exitCode === undefined ? undefined : Number(attributes.exitCode);
  const { name = '', exitCode: _exit, image: _image, ...labels } = attributes;
  onEvent({ action: event.Action, containerName: name, labels, exitCode });
}
