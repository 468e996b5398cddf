import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildPhase } from '../../../../electron/contract';
import { BuildkitProgress, phaseOfVertex } from '../../../../electron/core/environments/buildkit-progress';
import { decodeBuildkitStatus } from '../../../../electron/core/environments/buildkit-protocol';

interface Event {
  id?: string;
  aux?: unknown;
  error?: string;
}

/** The streams of four real BuildKit builds (Docker 20.10) of the app's Dockerfile with one build secret. */
const recorded = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'buildkit-trace.fixture.json'), 'utf8')) as Record<string, Event[]>;

function replay(name: string, baseImage: string) {
  const lines: string[] = [];
  const phases: BuildPhase[] = [];
  const progress = new BuildkitProgress(baseImage, { line: (l) => lines.push(l), phase: (p) => phases.push(p) });
  let error: string | undefined;
  for (const event of recorded[name]!) {
    if (event.id === 'moby.buildkit.trace' && typeof event.aux === 'string') progress.status(decodeBuildkitStatus(event.aux));
    if (event.error) error = event.error;
  }
  progress.end();
  return { lines, phases, progress, error };
}

describe("BuildKit's progress in Orchest's phases", () => {
  it('follows the phases and keeps the set-up script output as lines', () => {
    const { lines, phases, error } = replay('success', 'orchest-desktop-test/busybox:1');
    expect(error).toBeUndefined();
    expect(phases).toEqual(['pulling', 'copying', 'setup', 'storing']);
    expect(lines).toContain('token has 3 characters');
    expect(lines.some((l) => /^#\d+ \[\d+\/\d+\] COPY project\/ \.$/.test(l))).toBe(true);
    expect(lines.some((l) => /^#\d+ exporting to image$/.test(l))).toBe(true);
  });

  it("says the set-up script's exit code and its last lines", () => {
    const { progress, error, phases } = replay('scriptFails', 'orchest-desktop-test/busybox:1');
    expect(phases).toContain('setup');
    const [said, ...last] = progress.failure(error!).split('\n');
    expect(said).toBe('the set-up script exited with code 3; its last lines:');
    expect(last.sort()).toEqual(['first step', 'no such package: foo']);
  });

  it('says plainly when the base image has neither root nor sudo, and when it cannot be had', () => {
    const noRoot = replay('noRoot', 'orchest-desktop-test/busybox-nobody:1');
    expect(noRoot.progress.failure(noRoot.error!)).toMatch(/does not run as root and has no sudo.*#879/);
    const missing = replay('missingBase', 'orchest-desktop-test/not-here:1');
    expect(missing.progress.failure(missing.error!)).toMatch(/^the base image 'orchest-desktop-test\/not-here:1' cannot be had: /);
  });

  it('cuts output that comes in pieces into lines, per step, and only moves phases forward', () => {
    const lines: string[] = [];
    const phases: BuildPhase[] = [];
    const progress = new BuildkitProgress('b', { line: (l) => lines.push(l), phase: (p) => phases.push(p) });
    const vertex = (digest: string, name: string, extra = {}) => ({ digest, name, cached: false, started: true, completed: false, error: '', ...extra });
    const log = (v: string, msg: string) => ({ vertex: v, stream: 1, msg: Buffer.from(msg) });
    progress.status({ vertexes: [vertex('a', '[3/5] COPY project/ .')], logs: [] });
    progress.status({ vertexes: [vertex('b', '[1/5] FROM docker.io/library/b')], logs: [log('a', 'hal'), log('b', 'other\n')] });
    progress.status({ vertexes: [vertex('a', '[3/5] COPY project/ .', { completed: true, cached: true })], logs: [log('a', 'f line\nrest')] });
    expect(phases).toEqual(['copying']);
    expect(lines).toEqual(['#1 [3/5] COPY project/ .', '#2 [1/5] FROM docker.io/library/b', 'other', 'half line', 'rest', '#1 CACHED']);
    expect(progress.cached).toBe(true);
  });

  it('names the phase of each kind of step', () => {
    expect(phaseOfVertex('[internal] load metadata for docker.io/library/debian:12')).toBe('pulling');
    expect(phaseOfVertex('[internal] load build context')).toBe('copying');
    expect(phaseOfVertex('[4/5] RUN (if [ "$(id -u)" = 0 ] ...')).toBeUndefined();
    expect(phaseOfVertex('exporting to image')).toBe('storing');
  });
});
