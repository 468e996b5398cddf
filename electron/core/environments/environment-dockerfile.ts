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
 * How selected project variables reach the set-up script: as BuildKit secret mounts, which leave
 * nothing in the image, or, on an engine without BuildKit, as build arguments, which its history keeps.
 */
export interface BuildVariables {
  names: readonly string[];
  as: 'secret' | 'arg';
}

/**
 * Where a BuildKit build's context keeps the project's files: BuildKit reads an uploaded context
 * without its .dockerignore, so the project goes in a folder of its own and the Dockerfile and
 * set-up script stay out of the image (the script is mounted, never copied).
 */
export const BUILDKIT_PROJECT_FOLDER = 'project';

/**
 * Orchest's environment Dockerfile: the project as /project-dir, group-writable as Orchest made it
 * (as root or through sudo), then the set-up script. Unlike Orchest's, a failing script's own exit
 * code is printed, so that the app can say it, and no step is unique to a build (Orchest wrote its
 * task's uuid into the image), so a rebuild of what did not change comes whole from the cache.
 */
export function environmentDockerfile(projectUuid: string, environmentUuid: string, baseImage: string, variables?: BuildVariables): string {
  const { setupScript } = reservedNames(projectUuid, environmentUuid);
  const asRoot = (command: string) => `if [ "$(id -u)" = 0 ]; then ${command}; else sudo ${command}; fi`;
  const permissions = `${asRoot('chgrp -R 0 . && chmod -R g+rwX . && find . -type d -exec chmod g+s {} +')}`;
  const names = variables?.names ?? [];
  const secrets = variables?.as === 'secret' ? names : [];
  // env(1) rather than export: Orchest's names may have a "-", which no shell variable can.
  const withSecrets = secrets.length > 0 ? `env ${secrets.map((n) => `"${n}=$(cat /run/secrets/${n})"`).join(' ')} ` : '';
  const buildkit = variables?.as === 'secret';
  const script = buildkit ? `/tmp/${setupScript}` : setupScript;
  const mounts = buildkit ? [...secrets.map((n) => `--mount=type=secret,id=${n}`), `--mount=type=bind,source=${setupScript},target=${script}`] : [];
  const cleanUp = buildkit ? '' : ` && (${asRoot(`rm ${setupScript}`)})`;
  return [
    `FROM ${baseImageReference(baseImage)}`,
    // One LABEL step for Orchest's labels and the app's: each step of the classic builder costs a commit.
    `LABEL _orchest_project_uuid=${projectUuid} _orchest_environment_uuid=${environmentUuid} ` +
      `${LABELS.managed}=true ${LABELS.project}=${projectUuid} ${LABELS.environment}=${environmentUuid}`,
    'WORKDIR /project-dir',
    buildkit ? `COPY ${BUILDKIT_PROJECT_FOLDER}/ .` : 'COPY . .',
    `RUN (${permissions}) || { echo '${MARKERS.noRoot}'; exit 1; }`,
    ...(variables?.as === 'arg' ? names.map((n) => `ARG ${n}`) : []),
    // Orchest's base images have bash; a base image without it (Alpine, busybox) runs the script with sh.
    `RUN ${mounts.map((m) => `${m} `).join('')}echo ${MARKERS.setupStarts} && ` +
      `if command -v bash >/dev/null; then ${withSecrets}bash < ${script}; else ${withSecrets}sh < ${script}; fi; code=$?; ` +
      `if [ $code != 0 ]; then echo "${MARKERS.setupFailed} $code"; exit $code; fi; ` +
      `echo ${MARKERS.setupDone}${cleanUp}`,
    '',
  ].join('\n');
}

/** The build's .dockerignore: the project's own patterns, plus .orchest and the Dockerfile, as Orchest wrote it. */
export function buildDockerignore(projectDockerignore: string, dockerfile: string): string {
  return [projectDockerignore.trimEnd(), '.orchest', dockerfile, ''].filter((line, i) => line !== '' || i > 0).join('\n');
}
