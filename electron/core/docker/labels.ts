/** Labels on everything the app makes in Docker, so that it can find and clean up its own. */
export const LABEL_PREFIX = 'io.orchest-desktop';
export const LABELS = {
  managed: `${LABEL_PREFIX}.managed`,
  /** Which app home made it, so that two instances on one engine leave each other's sessions alone. */
  owner: `${LABEL_PREFIX}.owner`,
  project: `${LABEL_PREFIX}.project`,
  pipeline: `${LABEL_PREFIX}.pipeline`,
  session: `${LABEL_PREFIX}.session`,
  /** `interactive` (the editor's session) or `noninteractive` (a job run's, which the jobs own). */
  sessionType: `${LABEL_PREFIX}.session-type`,
  service: `${LABEL_PREFIX}.service`,
  /** On a step's container: the step's uuid, and the run it belongs to. */
  step: `${LABEL_PREFIX}.step`,
  run: `${LABEL_PREFIX}.run`,
  /** On an environment's image: the environment's uuid. */
  environment: `${LABEL_PREFIX}.environment`,
  /** On a service's container: its proxy settings as JSON (see ProxyOptions). */
  proxy: `${LABEL_PREFIX}.proxy`,
  /** On a session's network: the services the session was started with, comma-separated. */
  services: `${LABEL_PREFIX}.services`,
} as const;
