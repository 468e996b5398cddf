import { LABELS } from '../docker/labels';

/** The files Orchest added to a build's context (api/core/environment_image_builds.py), by name. */
export function reservedNames(projectUuid: string, environmentUuid: string) {
  return {
    dockerfile: `.orchest-reserved-env-dockerfile-${projectUuid}-${environmentUuid}`,
    setupScript: `.orchest-reserved-env-setup-script-${projectUuid}-${environmentUuid}.sh`,
  };
}

/** Printed by the build's RUN steps so that the app can tell the phases and the failures apart. */
export const MARKERS = {
  noRoot: 'The base image must have USER root or "sudo" must be installed, "find" must also be installed.',
  setupStarts: '_ORCHEST_DESKTOP_SETUP_SCRIPT_STARTS_',
  setupDone: '_ORCHEST_RESERVED_LOG_FLAG_',
  setupFailed: '_ORCHEST_DESKTOP_SETUP_SCRIPT_EXIT_',
} as const;

/** The base image as Docker names it: `registry:<image>` is taken as it is, as Orchest did. */
export function baseImageReference(baseImage: string): string {
  return baseImage.startsWith('registry:') ? baseImage.slice('registry:'.length) : baseImage;
}

/**
 * Orchest's environment Dockerfile: the project as /project-dir, group-writable as Orchest made it
 * (as root or through sudo), then the set-up script. Unlike Orchest's, a failing script's own exit
 * code is printed, so that the app can say it, and no step is unique to a build (Orchest wrote its
 * task's uuid into the image), so a rebuild of what did not change comes whole from the cache.
 */
export function environmentDockerfile(projectUuid: string, environmentUuid: string, baseImage: string): string {
  const { setupScript } = reservedNames(projectUuid, environmentUuid);
  const asRoot = (command: string) => `if [ "$(id -u)" = 0 ]; then ${command}; else sudo ${command}; fi`;
  const permissions = `${asRoot('chgrp -R 0 . && chmod -R g+rwX . && find . -type d -exec chmod g+s {} +')}`;
  return [
    `FROM ${baseImageReference(baseImage)}`,
    // One LABEL step for Orchest's labels and the app's: each step of the classic builder costs a commit.
    `LABEL _orchest_project_uuid=${projectUuid} _orchest_environment_uuid=${environmentUuid} ` +
      `${LABELS.managed}=true ${LABELS.project}=${projectUuid} ${LABELS.environment}=${environmentUuid}`,
    'WORKDIR /project-dir',
    'COPY . .',
    `RUN (${permissions}) || { echo '${MARKERS.noRoot}'; exit 1; }`,
    // Orchest's base images have bash; a base image without it (Alpine, busybox) runs the script with sh.
    `RUN echo ${MARKERS.setupStarts} && if command -v bash >/dev/null; then bash < ${setupScript}; else sh < ${setupScript}; fi; code=$?; ` +
      `if [ $code != 0 ]; then echo "${MARKERS.setupFailed} $code"; exit $code; fi; ` +
      `echo ${MARKERS.setupDone} && (${asRoot(`rm ${setupScript}`)})`,
    '',
  ].join('\n');
}

/** The build's .dockerignore: the project's own patterns, plus .orchest and the Dockerfile, as Orchest wrote it. */
export function buildDockerignore(projectDockerignore: string, dockerfile: string): string {
  return [projectDockerignore.trimEnd(), '.orchest', dockerfile, ''].filter((line, i) => line !== '' || i > 0).join('\n');
}
