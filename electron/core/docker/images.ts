import type Docker from 'dockerode';
import { AppError } from '../app-error';
import { dockerErrorText, dockerStatusCode } from './docker-error';
import { PullProgress, type PullEvent } from './pull-progress';

/** Makes sure the image is on the engine, pulling it (with progress) when it is not; what the engine knows of it. */
export async function ensureImage(docker: Docker, image: string, onProgress: (text: string) => void): Promise<Docker.ImageInspectInfo> {
  try {
    return await docker.getImage(image).inspect();
  } catch (error) {
    if (dockerStatusCode(error) !== 404) throw error;
  }
  try {
    await pullImage(docker, image, onProgress);
  } catch (error) {
    throw new AppError('NOT_FOUND', `image '${image}' is not on this machine and could not be pulled: ${dockerErrorText(error)}`, 'image');
  }
  return docker.getImage(image).inspect();
}

async function pullImage(docker: Docker, image: string, onProgress: (text: string) => void): Promise<void> {
  const stream = await docker.pull(image);
  const progress = new PullProgress();
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (error: Error | null) => (error ? reject(error) : resolve()),
      (event: PullEvent) => {
        // A failed pull is reported inside the stream, not as an error of the stream.
        if (event.error) return reject(new Error(event.errorDetail?.message ?? event.error));
        progress.update(event);
        onProgress(progress.text());
      },
    );
  });
}

/** The highest numbered tag of an image name, as `name:n`; Orchest numbered environment builds this way. */
export async function newestNumberedTag(docker: Docker, name: string): Promise<string | undefined> {
  const images = await docker.listImages({ filters: { reference: [name] } });
  const numbers = images
    .flatMap((image) => image.RepoTags ?? [])
    .map((tag) => /:(\d+)$/.exec(tag))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]));
  return numbers.length > 0 ? `${name}:${Math.max(...numbers)}` : undefined;
}
