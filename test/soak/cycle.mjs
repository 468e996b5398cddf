// The faults of one soak cycle and the cycle itself: start the session (maybe slowed), kill one of its
// containers as soon as it runs, kill the host with -9 during the launch or mid-session and start it
// again (and maybe stop the session as soon as it is back), cut the event stream or take the engine
// away (mid-session or during the launch) and kill a container behind the app's back; check after
// each what the app shows against the engine; stop, and check that nothing is left.
import { AGREE_MS, TAKE_BACK_MS, sleep } from './checks.mjs';
import { LABELS, containersLabelled, killContainer, nameOf } from './engine.mjs';
import { NAMES } from './pipeline.mjs';

/**
 * How often each fault comes, per cycle and independently of the others. A quarter of the crashes come
 * during the launch and another quarter are followed by a stop at once; 0.3 of the cuts come during the
 * launch; half of the cuts are the engine going away, the others the event stream ending.
 */
export const P = { killInLaunch: 0.3, crash: 0.25, cut: 0.3, slow: 0.1 };

/** Every random choice of a cycle, drawn up front in a fixed order so that a seed replays the same plan. */
export function planCycle(rand) {
  const draw = Array.from({ length: 15 }, () => rand());
  const pick = (x, list) => list[Math.floor(x * list.length)];
  return {
    killInLaunch: draw[0] < P.killInLaunch ? { service: pick(draw[1], NAMES), afterMs: Math.floor(draw[2] * 800) } : undefined,
    crash: draw[3] < P.crash ? { inLaunch: draw[4] < 0.25, stopAtOnce: draw[4] >= 0.75, atMs: Math.floor(draw[5] * 1500) } : undefined,
    cut:
      draw[6] < P.cut
        ? {
            kind: draw[7] < 0.5 ? 'end' : 'away',
            inLaunch: draw[14] < 0.3,
            // during the launch, within its first 3 s (network, containers, their starts); mid-session, within 1 s
            atMs: Math.floor(draw[8] * (draw[14] < 0.3 ? 3000 : 1000)),
            awayMs: 200 + Math.floor(draw[9] * 1800),
            killWhileAway: draw[10] < 0.5,
            victim: draw[11],
            killAfterMs: Math.floor(draw[12] * 500),
          }
        : undefined,
    slow: draw[13] < P.slow ? { delayMs: 30 + Math.floor(draw[13] * 1500) } : undefined, // 30-180 ms per answer
  };
}

/**
 * The cycle of one soak run, and the way back to a clean state after a failed one. `ctx` as for
 * makeChecks, plus faults (counts by kind), counts ({takenBack}), launchHost() and crashAndRestart().
 */
export function makeCycle(ctx, checks) {
  const { state, relay, owner, faults, counts } = ctx;
  const { target, appSession, engineContainers, engineNetworks, untilAgreed, untilShownDown, untilServed, stopAndCheck, recordQuietPoint, failedLeavesNothing } = checks;
  const { launchHost, crashAndRestart } = ctx;

  /** `docker kill` of the service's container as soon as it runs (plus `afterMs`), while the session starts. */
  async function killDuringLaunch({ service: name, afterMs }, launched) {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !launched.over) {
      const [container] = await containersLabelled(`${LABELS.session}=${state.sessionUuid}`, `${LABELS.service}=${name}`, `${LABELS.owner}=${owner}`);
      if (container?.State === 'running') {
        await sleep(afterMs);
        if (launched.over) return undefined;
        const during = !launched.done;
        return (await killContainer(container.Id)) ? (during ? 'during launch' : 'just after launch') : undefined;
      }
      if (launched.done && !container) return undefined;
      await sleep(25);
    }
    return undefined;
  }

  /** The cut of the event stream, then a container killed behind the app's back, which the app must show. */
  async function cutAndKill(cut, what) {
    await sleep(cut.atMs);
    const running = (await engineContainers()).filter((c) => c.State === 'running').sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
    const victim = running[Math.floor(cut.victim * running.length)];
    const victimName = victim?.Labels?.[LABELS.service];
    const streams = relay.eventStreamsAnswered;
    let words;
    if (cut.kind === 'end') {
      if (relay.endEventStreams() === 0) throw new Error(`${what}: there was no event stream to cut (the app did not follow the engine's events)`);
      faults['event stream ended mid-session'] += 1;
      await sleep(cut.killAfterMs);
      words = `stream-cut(end, kill ${victimName ?? 'none'} +${cut.killAfterMs}ms)`;
    } else {
      await relay.goAway();
      faults['engine went away and came back mid-session'] += 1;
      if (victim && cut.killWhileAway) await killContainer(victim.Id);
      await sleep(cut.awayMs);
      await relay.listen();
      words = `stream-cut(away ${cut.awayMs}ms, kill ${victimName ?? 'none'} ${cut.killWhileAway ? 'while away' : 'after'})`;
    }
    if (victim && !(cut.kind === 'away' && cut.killWhileAway)) await killContainer(victim.Id);
    if (!(await relay.untilEventStreams(streams + 1, AGREE_MS))) throw new Error(`${what}: the app did not follow the engine's events again within ${AGREE_MS / 1000} s of the cut`);
    if (victimName) await untilShownDown(victimName, what);
    return words;
  }

  /**
   * The event stream ended, or the engine gone for a while, at a random moment after the start was asked
   * for: the start may then fail (or be refused while the engine is away), and must not leave anything
   * behind once stopped; when it runs, the app must follow the events again.
   */
  async function cutDuringLaunch(cut, launched) {
    await sleep(cut.atMs);
    if (launched.over) return 'stream-cut(not made: the cycle had ended)';
    const during = launched.done ? 'just after launch' : 'during launch';
    if (cut.kind === 'end') {
      const streams = relay.endEventStreams();
      launched.cutNothing = streams === 0;
      faults['event stream ended during launch'] += 1;
      return `stream-cut(end ${during} +${cut.atMs}ms${streams ? '' : ', no stream to cut'})`;
    }
    await relay.goAway();
    faults['engine went away and came back during launch'] += 1;
    await sleep(cut.awayMs);
    await relay.listen();
    return `stream-cut(away ${cut.awayMs}ms ${during} +${cut.atMs}ms)`;
  }

  /** After a cut during the launch: a container killed behind the app's back once it runs, which the app must show. */
  async function killAfterCut(cut, streamsBefore, what, launched) {
    if (!launched.cutNothing && !(await relay.untilEventStreams(streamsBefore + 1, AGREE_MS))) throw new Error(`${what}: the app did not follow the engine's events again within ${AGREE_MS / 1000} s of the cut`);
    const running = (await engineContainers()).filter((c) => c.State === 'running').sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
    const victim = running[Math.floor(cut.victim * running.length)];
    const name = victim?.Labels?.[LABELS.service];
    if (!victim) return 'nothing to kill';
    await killContainer(victim.Id);
    await untilShownDown(name, what);
    return `then ${name} killed and shown down`;
  }

  /** One start/stop cycle with its faults; returns its words for the progress line. */
  async function cycle(n, plan) {
    const launched = { done: false, over: false, pending: [], words: [], began: Date.now() };
    try {
      return await cycleSteps(n, plan, launched);
    } catch (error) {
      // What the cycle had done, what the app shows and what the host was asking the engine when it failed.
      const shown = await appSession().then(
        (s) => `${s.status}${s.error ? ` (${s.error.message})` : ''}: ${s.services.map((x) => `${x.name} ${x.state}`).join(', ')}`,
        (e) => `not known (${e.message})`,
      );
      error.detail = [
        `so far: ${launched.words.join(' ') || 'nothing'}`,
        `the app shows the session ${shown}`,
        ...relay.describe().slice(0, 12).map((c) => `engine connection open: ${c}`),
        ...(ctx.events?.since(launched.began).slice(-40) ?? []).map((e) => `engine event: ${e}`),
      ];
      throw error;
    } finally {
      // A cycle that failed half-way leaves no fault of its own to land in the next one.
      launched.over = true;
      await Promise.allSettled(launched.pending);
      relay.delayMs = 0;
    }
  }

  async function cycleSteps(n, plan, launched) {
    const what = `cycle ${n}`;
    const words = launched.words;
    const t0 = Date.now();
    if (plan.slow) {
      relay.delayMs = plan.slow.delayMs;
      faults['engine slowed'] += 1;
      words.push(`slow-engine(${plan.slow.delayMs}ms)`);
    }
    const starting = state.client.request('sessions.start', { ...target(), wait: true });
    let startMs = 0;
    starting.then(
      () => ((launched.done = true), (startMs = Date.now() - t0)),
      () => (launched.done = true),
    );
    const killing = plan.killInLaunch ? killDuringLaunch(plan.killInLaunch, launched) : undefined;
    const cutInLaunch = plan.cut?.inLaunch && !plan.crash?.inLaunch;
    const streamsBefore = relay.eventStreamsAnswered;
    const cutting = cutInLaunch ? cutDuringLaunch(plan.cut, launched) : undefined;
    launched.pending.push(...[killing, cutting].filter(Boolean));
    if (plan.crash?.inLaunch) {
      // The host dies while it starts the session: the next one takes back what runs or removes what a crash left half-made.
      await sleep(plan.crash.atMs);
      const during = !launched.done;
      await crashAndRestart();
      await starting.catch(() => undefined);
      faults['host killed -9 during launch'] += 1;
      words.push(`host-crash(${during ? 'during launch' : 'just after launch'} +${plan.crash.atMs}ms)`);
      const deadline = Date.now() + TAKE_BACK_MS;
      for (;;) {
        const [session, containers, networks] = await Promise.all([appSession(), engineContainers(), engineNetworks()]);
        if (session.status === 'RUNNING') {
          counts.takenBack += 1;
          words.push('taken back');
          break;
        }
        if (session.status === 'STOPPED' && containers.length === 0 && networks.length === 0) {
          words.push('half-made start removed');
          break;
        }
        if (Date.now() > deadline) throw new Error(`${what}: ${TAKE_BACK_MS / 1000} s after the restart the app shows ${session.status} while the engine holds ${containers.map((c) => `${nameOf(c)} (${c.State})`).join(', ') || 'no container'} and ${networks.length} network(s)`);
        await sleep(200);
      }
    } else if (cutting && plan.cut.kind === 'away') {
      // With the engine gone in the middle, a start may fail or be refused: either is right, if nothing is left once stopped.
      const outcome = await starting.then(
        (session) => session,
        (error) => ({ status: 'REFUSED', error }),
      );
      words.push(await cutting);
      if (outcome.status === 'REFUSED' && /no answer in/.test(outcome.error.message)) {
        throw new Error(`${what}: the engine came back, yet the start never ended: ${outcome.error.message}`);
      }
      if (outcome.status !== 'RUNNING') words.push(`start ${outcome.status.toLowerCase()}: ${(outcome.error?.message ?? '').slice(0, 100)}`);
      if (outcome.status === 'FAILED') words.push(await failedLeavesNothing(what));
    } else {
      const session = await starting;
      relay.delayMs = 0;
      if (session.status !== 'RUNNING') throw new Error(`${what}: sessions.start answered ${session.status}${session.error ? ` (${session.error.message})` : ''}`);
      if (cutting) words.push(await cutting);
    }
    relay.delayMs = 0;
    const killed = await killing;
    if (killed) {
      faults['container killed during launch'] += 1;
      words.push(`kill-in-launch(${plan.killInLaunch.service} +${plan.killInLaunch.afterMs}ms, ${killed})`);
    }
    if ((await appSession()).status === 'RUNNING') {
      const { session } = await untilAgreed(`${what}, after the start`);
      if (session.services.find((s) => s.name === 'web')?.state === 'running') await untilServed(`${what}, after the start`);
      if (cutInLaunch) {
        words.push(await killAfterCut(plan.cut, streamsBefore, what, launched));
        await untilAgreed(`${what}, after the cut`);
      } else if (plan.cut) {
        words.push(await cutAndKill(plan.cut, what));
        await untilAgreed(`${what}, after the cut`);
      }
      if (plan.crash && !plan.crash.inLaunch && plan.crash.stopAtOnce) {
        // A person who stops the session as soon as the app is back: it must end STOPPED, and stay so.
        await sleep(plan.crash.atMs);
        await crashAndRestart();
        faults['host killed -9 mid-session, then a stop at once'] += 1;
        const stopped = await state.client.request('sessions.stop', { ...target(), wait: true });
        const [containers, networks] = await Promise.all([engineContainers(), engineNetworks()]);
        if (stopped.status !== 'STOPPED' || containers.length || networks.length) {
          throw new Error(
            `${what}: a stop asked of the host as soon as it was back answered ${stopped.status} (${stopped.services.map((x) => `${x.name} ${x.state}`).join(', ')}) with ${containers.length} container(s) and ${networks.length} network(s) of the session on the engine`,
          );
        }
        await sleep(3_000); // the host's own look at the engine comes meanwhile, if it had not come yet
        const after = await appSession();
        if (after.status !== 'STOPPED') {
          throw new Error(`${what}: 3 s after a stop answered STOPPED the app shows the session ${after.status} (${after.services.map((x) => `${x.name} ${x.state}`).join(', ')}), with nothing of it on the engine`);
        }
        words.push(`host-crash(mid-session +${plan.crash.atMs}ms, stopped at once)`);
      } else if (plan.crash && !plan.crash.inLaunch) {
        await sleep(plan.crash.atMs);
        await crashAndRestart();
        faults['host killed -9 mid-session'] += 1;
        const deadline = Date.now() + TAKE_BACK_MS;
        let session;
        while ((session = await appSession()).status !== 'RUNNING') {
          if (Date.now() > deadline) throw new Error(`${what}: the restarted host did not take the session back within ${TAKE_BACK_MS / 1000} s (it shows ${session.status})`);
          await sleep(200);
        }
        const listed = await state.client.request('sessions.list');
        if (!listed.some((s) => s.sessionUuid === state.sessionUuid && s.status === 'RUNNING')) throw new Error(`${what}: sessions.get shows the session RUNNING but sessions.list does not list it`);
        counts.takenBack += 1;
        words.push(`host-crash(mid-session +${plan.crash.atMs}ms, taken back)`);
        await untilAgreed(`${what}, after the restart`);
      }
    }
    const t1 = Date.now();
    await stopAndCheck(what);
    const stopMs = Date.now() - t1;
    await recordQuietPoint();
    if (startMs) words.unshift(`[start ${(startMs / 1000).toFixed(1)} s, stop ${(stopMs / 1000).toFixed(1)} s]`);
    else words.unshift(`[stop ${(stopMs / 1000).toFixed(1)} s]`);
    return words;
  }

  /** After a failed cycle: the engine reachable and undelayed, a host that answers, the session stopped. */
  async function recover() {
    relay.delayMs = 0;
    await relay.listen();
    if (!state.host?.alive()) await launchHost();
    await settleAfterRestart();
    try {
      // A session stuck in LAUNCHING or STOPPING would hold a stop as long: the host is started again instead.
      const { status } = await appSession();
      if (status === 'LAUNCHING' || status === 'STOPPING') throw new Error(status);
      await state.client.request('sessions.stop', { ...target(), wait: true });
    } catch {
      state.client?.close();
      await state.host.crash();
      await launchHost();
      await settleAfterRestart();
      await state.client.request('sessions.stop', { ...target(), wait: true });
    }
  }

  /**
   * Until a host just started has looked at the engine (it shows the session taken back, or the engine
   * has nothing of it), at most 20 s: a stop asked before that is overtaken by the host taking the
   * session back (see the fault "host killed -9 mid-session, then a stop at once").
   */
  async function settleAfterRestart() {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const [session, containers] = await Promise.all([appSession(), engineContainers()]);
      if (session.status !== 'STOPPED' || containers.every((c) => c.State !== 'running')) return;
      await sleep(200);
    }
  }

  return { cycle, recover };
}
