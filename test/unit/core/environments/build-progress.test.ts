import { describe, expect, it } from 'vitest';
import { BuildProgress } from '../../../../electron/core/environments/build-progress';
import { MARKERS } from '../../../../electron/core/environments/environment-dockerfile';

const feed = (progress: BuildProgress, lines: string[]) => lines.map((line) => progress.line(line)).filter(Boolean);

describe("a build's phases and failures", () => {
  it("follows Orchest's phases through the classic builder's steps", () => {
    const progress = new BuildProgress('debian:12');
    expect(
      feed(progress, [
        'Step 1/8 : FROM debian:12',
        ' ---> 1a2b3c',
        'Step 5/8 : COPY . .',
        ' ---> Using cache',
        `Step 7/8 : RUN echo ${MARKERS.setupStarts} && bash < x`,
        'Reading package lists...',
        MARKERS.setupDone,
        'Successfully built 1a2b3c',
      ]),
    ).toEqual(['pulling', 'copying', 'setup', 'storing']);
    expect(progress.cached).toBe(true);
  });

  it("says the script's exit code and its last lines, without colour codes or the builder's own lines", () => {
    const progress = new BuildProgress('debian:12');
    const output = Array.from({ length: 25 }, (_, i) => `line ${i + 1}`);
    feed(progress, [`Step 7/8 : RUN echo ${MARKERS.setupStarts}`, ...output, '\x1b[91mE: Unable to locate package foo\x1b[0m', 'Removing intermediate container 12ab', `${MARKERS.setupFailed} 100`]);
    const said = progress.failure('The command returned a non-zero code: 100');
    expect(said.split('\n')[0]).toBe('the set-up script exited with code 100; its last lines:');
    expect(said.split('\n').slice(1)).toEqual([...output.slice(6), 'E: Unable to locate package foo']);
  });

  it('names the base image when it cannot be had, and says #879 plainly', () => {
    const missing = new BuildProgress('nope:1');
    feed(missing, ['Step 1/8 : FROM nope:1']);
    expect(missing.failure('pull access denied for nope')).toBe("the base image 'nope:1' cannot be had: pull access denied for nope");
    const noRoot = new BuildProgress('jovyan:1');
    feed(noRoot, ['Step 6/8 : RUN (if ...)', MARKERS.noRoot]);
    expect(noRoot.failure('non-zero code: 1')).toMatch(/^the base image 'jovyan:1' does not run as root and has no sudo.*#879/);
  });
});
