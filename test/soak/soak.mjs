// `npm run soak` (issue 15, point 10; not part of `npm test`): start/stop cycles of a 5-service session
// on the BUILT host (`orchest-desktop serve`), reaching the engine through a relay the soak can cut,
// delay or restore, with faults injected at random moments from a seeded generator:
//   - a container killed during launch (as soon as it runs, plus a random delay);
//   - the host killed with -9 (mid-session, or during the launch) and started again on the same home,
//     which must take the session back (or, stopped as soon as it is back, show it stopped);
//   - the event stream cut (the relay ends it, or the engine goes away and comes back), mid-session
//     or during the launch, then a container killed behind the app's back, which the app must show
//     as not running (a start the engine's absence made fail must leave nothing once it is back);
//   - the engine slowed (the relay holds each of its answers) during a start.
// Every check reads the engine itself (its API on the real socket, by the app's labels). At the end it
// prints cycles, faults, sessions taken back, and what leaked (containers, networks, proxy routes, open
// fds of the host); exit 1 on any leak or failed check, with the cycle and the seed to replay.
//
//   node test/soak/soak.mjs [--seed N] [--cycles N] [--minutes M] [--verbose]   (after `npm run build`)
// A seed replays the same plan of faults (which, where, after how long); what they meet depends on
// timing, so a failure may take a run or two of its seed to show again.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DockerRelay } from './docker-relay.mjs';
import { FD_SLACK, makeChecks } from './checks.mjs';
import { P, makeCycle, planCycle } from './cycle.mjs';
import { LABELS, containersLabelled, engineApi, nameOf, networksLabelled, recordEvents, removeLabelled } from './engine.mjs';
import { connectBridge, openFds, ownerIdOf, startHost, stopStartedHosts } from './host.mjs';
import { IMAGE, NAMES, SERVICES } from './pipeline.mjs';
import { mulberry32 } from './random.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));

const MAX_FAILED_CYCLES = 10;

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string' },
    cycles: { type: 'string', default: '100' },
    minutes: { type: 'string', default: '10' },
    /** Prints the host's descriptors at every quiet point. */
    verbose: { type: 'boolean', default: false },
  },
});
const seed = args.seed === undefined ? Math.floor(Math.random() * 2 ** 32) : Number(args.seed) >>> 0;
const CYCLES = Number(args.cycles);
const LIMIT_MS = Number(args.minutes) * 60_000;
/** Kept for the checks after the last cycle: the final stop, the leak count and the host's own stop. */
const RESERVE_MS = 15_000;
if (!Number.isInteger(CYCLES) || CYCLES < 1 || !(LIMIT_MS > 0)) {
  console.error('usage: node test/soak/soak.mjs [--seed N] [--cycles N] [--minutes M] [--verbose]');
  process.exit(2);
}

const rand = mulberry32(seed);
const began = Date.now();
const elapsed = () => `${((Date.now() - began) / 1000).toFixed(0)} s`;

console.log(`soak: seed ${seed} (replay: node test/soak/soak.mjs --seed ${seed} --cycles ${CYCLES} --minutes ${args.minutes})`);
console.log(`soak: ${CYCLES} cycles of a ${NAMES.length}-service session, at most ${args.minutes} min; faults per cycle: ${Object.entries(P).map(([k, p]) => `${k} ${p}`).join(', ')}`);

// ---- the soak's own state: what it made, so that it is removed however the run ends
const dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'od-soak-')));
const home = path.join(dir, 'home');
const workspace = path.join(dir, 'workspace');
const hostLog = path.join(dir, 'host-output.log');
const owner = ownerIdOf(home);
const relay = await DockerRelay.open(dir);
console.log(`soak: working in ${dir} (removed at the end); the engine's containers and networks of this run carry ${LABELS.owner}=${owner}`);
const state = { host: undefined, client: undefined, origin: '', projectId: '', sessionUuid: '' };
const faults = {
  'container killed during launch': 0,
  'host killed -9 mid-session': 0,
  'host killed -9 mid-session, then a stop at once': 0,
  'host killed -9 during launch': 0,
  'event stream ended mid-session': 0,
  'event stream ended during launch': 0,
  'engine went away and came back mid-session': 0,
  'engine went away and came back during launch': 0,
  'engine slowed': 0,
};
const counts = { takenBack: 0 };
const failures = [];
/** Each host process: its descriptors at start, and at the first and last quiet points. */
const incarnations = [];

/** The engine's events of the run (see recordEvents), once followed. */
let events;
let cleaning;
/** Set on Ctrl-C: no host is started any more, whatever the cycle in progress wants. */
let aborting = false;
function cleanup() {
  return (cleaning ??= (async () => {
    state.client?.close();
    events?.dispose();
    await stopStartedHosts(20_000).catch(() => undefined);
    await relay.dispose().catch(() => undefined);
    const removed = await removeLabelled(`${LABELS.owner}=${owner}`).catch(() => ({ containers: 0, networks: 0 }));
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    return removed;
  })());
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    aborting = true;
    console.log(`\nsoak: ${signal} after ${elapsed()}: removing what the soak made (seed ${seed})`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---- the host and its bridge
async function launchHost() {
  if (aborting) throw new Error('interrupted');
  const host = await startHost({ repo, home, workspace, dockerHost: relay.dockerHost, logFile: hostLog });
  state.host = host;
  state.client = await connectBridge(host.url);
  state.origin = (await state.client.request('proxy.status')).origin;
  incarnations.push({ pid: host.pid, atStart: openFds(host.pid), first: undefined, last: undefined, quiet: 0, lastDetail: '', firstDetail: '' });
  return host;
}

async function crashAndRestart() {
  state.client?.close();
  await state.host.crash();
  await launchHost();
}

// The engine's own account of what happened to the run's containers and networks, for failure reports.
events = recordEvents(`${LABELS.owner}=${owner}`);
const ctx = { state, relay, owner, faults, counts, incarnations, events, verbose: args.verbose, launchHost, crashAndRestart };
const checks = makeChecks(ctx);
const { target, appSession, untilAgreed, untilServed, routesServed, recordQuietPoint, stopAndCheck } = checks;
const { cycle, recover } = makeCycle(ctx, checks);

let done = 0;
let stoppedEarly = '';
let exitCode = 0;
try {
  await engineApi('GET', `/images/${encodeURIComponent(IMAGE)}/json`).catch(() => {
    throw new Error(`the test image ${IMAGE} is missing: make it with test/images/make-busybox.sh`);
  });
  await fs.mkdir(workspace, { recursive: true });
  const host = await launchHost();
  console.log(`soak: host pid ${host.pid} at ${new URL(host.url).origin}, proxy ${state.origin}, engine through ${relay.dockerHost}; ${incarnations[0].atStart} fds at start`);
  state.projectId = (await state.client.request('projects.create', { name: 'soak' })).uuid;
  const { revision } = await state.client.request('pipelines.get', target());
  await state.client.request('pipelines.saveServices', { ...target(), revision, services: SERVICES });
  state.sessionUuid = (await appSession()).sessionUuid;

  // Warm-up, no fault: what the host loads or opens once (modules, the project's log files) is open
  // before the first quiet point, which the last one is compared with.
  const warm = Date.now();
  const started = await state.client.request('sessions.start', { ...target(), wait: true });
  if (started.status !== 'RUNNING') throw new Error(`warm-up: sessions.start answered ${started.status}${started.error ? ` (${started.error.message})` : ''}`);
  await untilAgreed('warm-up');
  await untilServed('warm-up');
  await stopAndCheck('warm-up');
  await recordQuietPoint(true);
  console.log(`soak: warm-up cycle in ${((Date.now() - warm) / 1000).toFixed(1)} s; ${incarnations[0].first} fds at the first quiet point`);

  const cycleTimes = [];
  for (let n = 1; n <= CYCLES; n++) {
    const plan = planCycle(rand);
    const average = cycleTimes.length ? cycleTimes.reduce((a, b) => a + b, 0) / cycleTimes.length : 0;
    if (Date.now() - began + 1.5 * average > LIMIT_MS - RESERVE_MS) {
      stoppedEarly = `stopped early after ${done} of ${CYCLES} cycles: the ${args.minutes}-minute bound was near (${elapsed()}, ${(average / 1000).toFixed(1)} s a cycle)`;
      break;
    }
    const t0 = Date.now();
    try {
      const words = await cycle(n, plan);
      done += 1;
      cycleTimes.push(Date.now() - t0);
      console.log(`cycle ${String(n).padStart(3)}: ok in ${((Date.now() - t0) / 1000).toFixed(1)} s${words.length ? `  ${words.join(' ')}` : ''}`);
    } catch (error) {
      done += 1;
      cycleTimes.push(Date.now() - t0);
      failures.push({ cycle: n, message: error.message, detail: error.detail ?? [], tail: state.host?.tail() ?? '' });
      console.log(`cycle ${String(n).padStart(3)}: FAILED: ${error.message}`);
      for (const line of error.detail ?? []) console.log(`             ${line}`);
      if (failures.length >= MAX_FAILED_CYCLES) {
        stoppedEarly = `stopped after ${failures.length} failed cycles`;
        break;
      }
      await recover();
    }
  }
  if (stoppedEarly) console.log(`soak: ${stoppedEarly}`);
} catch (error) {
  failures.push({ cycle: done + 1, message: `the soak could not go on: ${error.message}`, tail: state.host?.tail() ?? '' });
  console.log(`soak: ${failures.at(-1).message}`);
}

// ---- leaks: after the last stop, with the host still up (its proxy and fds), then after it quits
const leaks = { containers: 0, networks: 0, routes: 0, fds: 0 };
const leakWords = [];
try {
  relay.delayMs = 0;
  await relay.listen();
  if (state.host?.alive() && state.projectId) {
    await state.client.request('sessions.stop', { ...target(), wait: true }).catch((error) => leakWords.push(`final stop: ${error.message}`));
    await recordQuietPoint(true); // the same point as the warm-up's, with nothing in flight
    const routes = await routesServed();
    leaks.routes = routes.length;
    leakWords.push(...routes.map((r) => `route ${r}`));
  }
  const how = await state.host?.stop();
  state.client?.close();
  if (how !== undefined && how !== 0) leakWords.push(`the host did not quit cleanly on SIGTERM (${how})`);
  const labelled = [`${LABELS.owner}=${owner}`, ...(state.projectId ? [`${LABELS.project}=${state.projectId}`] : [])];
  const containers = new Map();
  const networks = new Map();
  for (const label of labelled) {
    for (const c of await containersLabelled(label)) containers.set(c.Id, `container ${nameOf(c)} (${c.State})`);
    for (const n of await networksLabelled(label)) networks.set(n.Id, `network ${n.Name}`);
  }
  leaks.containers = containers.size;
  leaks.networks = networks.size;
  leakWords.push(...containers.values(), ...networks.values());
} catch (error) {
  leakWords.push(`the leak check failed: ${error.message}`);
  exitCode = 1;
}
for (const me of incarnations.filter((i) => i.quiet >= 2)) {
  const growth = me.last - me.first;
  if (growth > FD_SLACK) {
    leaks.fds += growth;
    leakWords.push(`host pid ${me.pid}: ${me.first} -> ${me.last} fds over ${me.quiet} quiet points (first: ${me.firstDetail}; last: ${me.lastDetail})`);
    const before = new Set(me.firstSockets);
    leakWords.push(...me.lastSockets.filter((l) => !before.has(l)).map((l) => `  socket not there at the first quiet point: ${l}`));
  }
}
const fdGrowth = incarnations.filter((i) => i.quiet >= 2).reduce((sum, i) => sum + (i.last - i.first), 0);
await cleanup();

// ---- the report
const minutes = ((Date.now() - began) / 60_000).toFixed(1);
console.log('');
console.log(`soak report (seed ${seed})`);
console.log(`  cycles: ${done} of ${CYCLES} in ${minutes} min${stoppedEarly ? ` (${stoppedEarly})` : ''}; ${failures.length} failed`);
console.log(`  faults injected: ${Object.values(faults).reduce((a, b) => a + b, 0)}: ${Object.entries(faults).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`  sessions taken back: ${counts.takenBack}`);
const fdPairs = new Map();
for (const i of incarnations) {
  const pair = i.quiet >= 2 ? `${i.first} -> ${i.last}` : 'one quiet point or none';
  fdPairs.set(pair, (fdPairs.get(pair) ?? 0) + 1);
}
console.log(
  `  host processes: ${incarnations.length} (${incarnations[0]?.atStart ?? '-'} fds at the first one's start); fds at quiet points, first -> last (+${FD_SLACK} allowed): ${[...fdPairs].map(([pair, n]) => `${pair} (${n} host${n === 1 ? '' : 's'})`).join(', ')}`,
);
console.log(`  leaked: containers ${leaks.containers}, networks ${leaks.networks}, proxy routes ${leaks.routes}, fds +${leaks.fds} (all hosts together ${fdGrowth >= 0 ? '+' : ''}${fdGrowth})`);
for (const word of leakWords) console.log(`    ${word}`);
for (const failure of failures) {
  console.log(`  FAILED cycle ${failure.cycle} (replay with --seed ${seed}): ${failure.message}`);
  if (failure.tail) console.log(`    the host's last lines:\n${failure.tail.split('\n').map((l) => `      ${l}`).join('\n')}`);
}
const leaked = leaks.containers + leaks.networks + leaks.routes + leaks.fds > 0 || leakWords.length > 0;
if (failures.length || leaked) exitCode = 1;
console.log(exitCode ? `soak: FAILED (seed ${seed})` : 'soak: ok');
process.exit(exitCode);
