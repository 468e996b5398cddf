// What the soak checks, each against the engine's own facts (its API on the real socket, by the app's
// labels) or the proxy's answers: the app shows every service as the engine has it, the proxy serves the
// session while it runs and none of its routes once stopped, a stop leaves nothing, and the host's
// descriptors at the same quiet point of every cycle.
import http from 'node:http';
import { LABELS, containersLabelled, nameOf, networksLabelled } from './engine.mjs';
import { describeFds, describeSockets, openFds } from './host.mjs';
import { NAMES, PIPELINE, ROUTES } from './pipeline.mjs';

/** Bounds of the checks: the app is given this long to show what the engine says. */
export const AGREE_MS = 20_000;
export const TAKE_BACK_MS = 40_000;
/**
 * Descriptors are counted at the same quiet point of every cycle (the session stopped and its stop
 * answered), less the connections to the engine that the relay saw in use within the last 5.5 s: the
 * host's HTTP agent keeps a connection alive for 5 s after its answer, and how many it holds then
 * depends on how many requests ran at once, not on anything held for good (a stream the host forgot
 * holds its connection idle, and is counted). The median of five samples 100 ms apart leaves out a
 * descriptor caught between its close and the relay seeing it. What may still differ between two
 * quiet points by chance: a connection of the engine monitor (every 10 s) or of the proxy opening or
 * closing during the samples; 2 allows for that, while a leak grows with the cycles, far past it.
 */
export const FD_SLACK = 2;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GET on a connection of its own that closes after the answer (`agent: false` sends Connection: close),
 * so that no keep-alive connection of the soak's stays open in the host between quiet points.
 */
function get(url, ms = 10_000) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body }));
      res.on('error', reject);
    });
    req.setTimeout(ms, () => req.destroy(new Error(`GET ${url}: no answer in ${ms / 1000} s`)));
    req.on('error', reject);
  });
}

/**
 * The checks of one soak run. `ctx`: { state: {client, origin, projectId, sessionUuid}, relay, owner,
 * incarnations (one record per host process), verbose }.
 */
export function makeChecks(ctx) {
  const { state, relay, owner, incarnations } = ctx;
  const target = () => ({ projectId: state.projectId, path: PIPELINE });
  const appSession = () => state.client.request('sessions.get', target());
  const engineContainers = () => containersLabelled(`${LABELS.session}=${state.sessionUuid}`, `${LABELS.owner}=${owner}`);
  const engineNetworks = () => networksLabelled(`${LABELS.session}=${state.sessionUuid}`, `${LABELS.owner}=${owner}`);

  /** What the app shows that the engine does not: a service running on one side only, or missing. */
  async function disagreements() {
    const [session, containers] = await Promise.all([appSession(), engineContainers()]);
    const problems = [];
    if (session.status !== 'RUNNING') problems.push(`session ${session.status}${session.error ? ` (${session.error.message})` : ''}`);
    for (const name of NAMES) {
      const shown = session.services.find((s) => s.name === name);
      const container = containers.find((c) => c.Labels?.[LABELS.service] === name);
      const engine = container ? container.State : 'no container';
      if (!shown) problems.push(`${name}: not in the app's session (engine: ${engine})`);
      // The soak kills containers, never removes them: a running session has one for every service.
      else if (!container && session.status === 'RUNNING') problems.push(`${name}: app ${shown.state}, but the engine has no container of it`);
      else if ((shown.state === 'running') !== (engine === 'running')) problems.push(`${name}: app ${shown.state}, engine ${engine}`);
    }
    return { problems, session, containers };
  }

  /** Waits until the app shows every service as the engine has it; throws with the difference after `ms`. */
  async function untilAgreed(what, ms = AGREE_MS) {
    const deadline = Date.now() + ms;
    for (;;) {
      const seen = await disagreements();
      if (seen.problems.length === 0) return seen;
      if (Date.now() > deadline) throw new Error(`${what}: after ${ms / 1000} s the app still disagrees with the engine: ${seen.problems.join('; ')}`);
      await sleep(200);
    }
  }

  /** The service is not running as far as the app shows, within `ms`. */
  async function untilShownDown(name, what, ms = AGREE_MS) {
    const deadline = Date.now() + ms;
    for (;;) {
      const shown = (await appSession()).services.find((s) => s.name === name);
      if (shown && shown.state !== 'running') return shown.state;
      if (Date.now() > deadline) throw new Error(`${what}: the app still shows ${name} ${shown?.state ?? 'missing'} ${ms / 1000} s after its container was killed`);
      await sleep(100);
    }
  }

  const routeUrl = ([name, port]) => `${state.origin}/service-${name}-${state.sessionUuid}_${port}/`;

  /** The web service answers through the proxy (once it runs and listens). */
  async function untilServed(what) {
    const deadline = Date.now() + 10_000;
    let last = '';
    for (;;) {
      try {
        const { status, body } = await get(routeUrl(['web', 8000]), 5_000);
        if (status === 200 && body.trim() === 'soak-ok') return;
        last = `${status} ${body.slice(0, 120)}`;
      } catch (error) {
        last = error.message;
      }
      if (Date.now() > deadline) throw new Error(`${what}: web is running but the proxy does not serve it within 10 s (last: ${last})`);
      await sleep(200);
    }
  }

  /** The session's routes the proxy still serves: each of its URLs not answered with 404 "No such service", and running services its 404 page still lists. */
  async function routesServed() {
    const served = [];
    for (const route of ROUTES) {
      const { status, body } = await get(routeUrl(route));
      if (status !== 404 || !body.includes('No such service')) served.push(`${route.join(':')} answers ${status}`);
    }
    const { body: page } = await get(`${state.origin}/soak-no-such-route/`);
    for (const [, href] of page.matchAll(/<li><a href="([^"]+)"/g)) served.push(`the 404 page lists ${href} as running`);
    return served;
  }

  /**
   * The host's descriptors at a quiet point, less the engine connections in transient use (see FD_SLACK):
   * the median of five samples 100 ms apart. With `settle`, first waits (up to 10 s) until no connection
   * to the engine but the event stream is open, so that the count is the raw one.
   */
  async function quietFds(pid, settle = false) {
    const deadline = Date.now() + 10_000;
    while (settle && relay.transientConnections() > 0 && Date.now() < deadline) await sleep(200);
    const samples = [];
    for (let i = 0; i < 5; i++) {
      if (i) await sleep(100);
      const fds = openFds(pid);
      if (fds === undefined) return undefined;
      samples.push(fds - relay.transientConnections());
    }
    return samples.sort((a, b) => a - b)[2];
  }

  /** Counts the host's descriptors now; the first and last counts of each host process are compared at the end. */
  async function recordQuietPoint(settle = false) {
    const me = incarnations.at(-1);
    const fds = await quietFds(me.pid, settle);
    if (fds === undefined) return;
    if (me.first === undefined) {
      me.first = fds;
      me.firstDetail = describeFds(me.pid);
    }
    me.last = fds;
    me.lastDetail = describeFds(me.pid);
    me.lastSockets = describeSockets(me.pid);
    me.firstSockets ??= me.lastSockets;
    me.quiet += 1;
    if (ctx.verbose) {
      console.log(`  quiet point: host pid ${me.pid}: ${fds} fds counted (${me.lastDetail}; ${relay.transientConnections()} engine connections in transient use)\n${me.lastSockets.map((l) => `    ${l}`).join('\n')}`);
      console.log(`  relay connections:\n${relay.describe().map((l) => `    ${l}`).join('\n')}`);
    }
  }

  /** Stops the session; checks that the engine holds nothing of it and the proxy serves none of its routes. */
  async function stopAndCheck(what) {
    const stopped = await state.client.request('sessions.stop', { ...target(), wait: true });
    if (stopped.status !== 'STOPPED') throw new Error(`${what}: sessions.stop answered ${stopped.status}${stopped.error ? ` (${stopped.error.message})` : ''}`);
    const [containers, networks, routes] = await Promise.all([engineContainers(), engineNetworks(), routesServed()]);
    const left = [
      ...containers.map((c) => `container ${nameOf(c)} (${c.State})`),
      ...networks.map((n) => `network ${n.Name}`),
      ...routes.map((r) => `route ${r}`),
    ];
    if (left.length) throw new Error(`${what}: after the stop answered: ${left.join(', ')}`);
  }

  /**
   * A session whose start FAILED: the README promises that everything it made is removed. When the engine
   * was away at the moment, that can only happen once it is back: given AGREE_MS for it.
   */
  async function failedLeavesNothing(what) {
    const deadline = Date.now() + AGREE_MS;
    for (;;) {
      const [session, containers, networks] = await Promise.all([appSession(), engineContainers(), engineNetworks()]);
      if (containers.length === 0 && networks.length === 0) return 'nothing left';
      if (Date.now() > deadline) {
        throw new Error(
          `${what}: the app shows the session ${session.status} (error: ${session.error?.message ?? 'none'}; ${session.services.map((s) => `${s.name} ${s.state}${s.message ? ` "${s.message}"` : ''}`).join(', ')}), yet ${AGREE_MS / 1000} s after the engine came back it still holds ${containers.map((c) => `${nameOf(c)} (${c.State})`).join(', ') || 'no container'} and ${networks.map((n) => n.Name).join(', ') || 'no network'}`,
        );
      }
      await sleep(200);
    }
  }

  return { target, appSession, engineContainers, engineNetworks, disagreements, untilAgreed, untilShownDown, untilServed, routesServed, quietFds, recordQuietPoint, stopAndCheck, failedLeavesNothing };
}
