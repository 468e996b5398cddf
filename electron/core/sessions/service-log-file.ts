import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** `<project>/.orchest/pipelines/<pipeline uuid>/logs/<service>.log`, Orchest's place for a service's log. */
export function serviceLogPath(projectDir: string, pipelineUuid: string, service: string): string {
  return path.join(projectDir, '.orchest', 'pipelines', pipelineUuid, 'logs', `${service}.log`);
}

/** Starts a new run of the log: as Orchest's session sidecar, a fresh file whose first line is a random uuid. */
export async function beginServiceLog(file: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${randomUUID()}\n`);
}

export async function appendServiceLog(file: string, text: string): Promise<void> {
  await fs.appendFile(file, text.endsWith('\n') ? text : `${text}\n`);
}
