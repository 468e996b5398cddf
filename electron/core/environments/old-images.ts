import type Docker from 'dockerode';
import { ignoreNotFound } from '../docker/docker-error';

/** How many of an environment's newest successful builds are kept on the engine. */
export const KEEP_BUILDS = 3;

/** Removes an environment's numbered images beyond the newest few, except those a session uses. */
export async function removeOldImages(docker: Docker, name: string, inUse: Set<string>): Promise<string[]> {
  const images = await docker.listImages({ filters: { reference: [name] } });
  const tags = images
    .flatMap((image) => image.RepoTags ?? [])
    .filter((tag) => /^.+:\d+$/.test(tag) && tag.startsWith(`${name}:`))
    .sort((a, b) => Number(b.split(':').pop()) - Number(a.split(':').pop()));
  const old = tags.slice(KEEP_BUILDS).filter((tag) => !inUse.has(tag));
  for (const tag of old) await ignoreNotFound(docker.getImage(tag).remove({ noprune: false }));
  return old;
}
