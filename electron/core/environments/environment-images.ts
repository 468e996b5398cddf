import type Docker from 'dockerode';
import { newestNumberedTag } from '../docker/images';

/** An environment's images are `orchest-env-<project uuid>-<environment uuid>:<n>`, n counting up. */
export function environmentImageName(projectId: string, environmentUuid: string): string {
  return `orchest-env-${projectId}-${environmentUuid}`;
}

/** The environment's newest built image; undefined before its first successful build. */
export function newestEnvironmentImage(docker: Docker, projectId: string, environmentUuid: string): Promise<string | undefined> {
  return newestNumberedTag(docker, environmentImageName(projectId, environmentUuid));
}
