// The soak's pipeline: five busybox services that start in well under a second and stop at once on
// SIGTERM; two are exposed, so that the app's proxy has routes (one of them an HTTP server the soak GETs).
export const IMAGE = 'orchest-desktop-test/busybox:1';
export const PIPELINE = 'main.orchest';

const IDLE = "trap 'exit 0' TERM; while :; do sleep 1 & wait; done";
const HTTP = 'mkdir -p /tmp/www && echo soak-ok > /tmp/www/index.html && exec httpd -f -p 8000 -h /tmp/www';
const service = (name, order, script, extra) => ({
  name,
  image: IMAGE,
  scope: ['interactive'],
  command: 'sh',
  args: `-c "${script}"`,
  ports: [8000],
  exposed: false,
  requires_authentication: false,
  preserve_base_path: false,
  binds: {},
  env_variables: {},
  env_variables_inherit: [],
  order,
  ...extra,
});
export const SERVICES = {
  web: service('web', 0, HTTP, { exposed: true }), // served by the proxy without sign-in: the soak GETs it
  ui: service('ui', 1, IDLE, { exposed: true, requires_authentication: true, ports: [8000, 8001] }),
  db: service('db', 2, IDLE),
  cache: service('cache', 3, IDLE),
  worker: service('worker', 4, IDLE),
};
export const NAMES = Object.keys(SERVICES);
/** The proxy's routes of the session: [service, port] of every exposed port. */
export const ROUTES = Object.values(SERVICES).flatMap((s) => (s.exposed ? s.ports.map((port) => [s.name, port]) : []));
