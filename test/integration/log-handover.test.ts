import Docker from 'dockerode';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LABELS } from '../../electron/core/docker/labels';
import { ContainerLogFollower } from '../../electron/core/logs/container-log-follower';
import { LogFile } from '../../electron/core/logs/log-file';
import { requireDocker } from '../helpers/require-docker';
import { docker, removeLabelled } from '../helpers/session-app';
import { makeTempDir } from '../helpers/temp-dir';
import { ensureTestImage } from '../helpers/test-images';

const LINES = 200_000;

describe("following a container's log, handed over to the engine's store under a flood", () => {
  let engine: Docker;
  let busybox: string;
  let projectUuid: string;
  let dir: { dir: string; cleanup: () => Promise<void> };

  beforeAll(async () => {
    engine = await requireDocker();
    busybox = await ensureTestImage('busybox');
  }, 600_000);

  beforeEach(async () => {
    projectUuid = randomUUID();
    dir = await makeTempDir('od-handover-');
  });

  afterEach(async () => {
    await removeLabelled(projectUuid);
    await dir.cleanup();
  });

  it('writes every line once, in order, though the file falls behind within the first chunk', async () => {
    const name = `flood-${projectUuid}`;
    await docker('create', '--label', `${LABELS.managed}=true`, '--label', `${LABELS.project}=${projectUuid}`, '--name', name, busybox, 'seq', '1', String(LINES));
    const container = engine.getContainer(name);
    const storeRead = vi.spyOn(container, 'logs');
    // A high-water mark of 16 KiB (a few hundred lines): the file is behind within the attachment's first
    // chunk, as seq writes kilobytes at a time, so the follower lets go there, often in the middle of a line.
    const file = new LogFile(path.join(dir.dir, 'flood.log'), 16 * 1024);
    await file.beginRun();
    const appended = vi.spyOn(file, 'append');
    const follower = new ContainerLogFollower(container, file);
    await follower.attach();
    await docker('start', name);
    await follower.ended;
    await file.settle();

    expect(storeRead).toHaveBeenCalledOnce();
    const handedOverAt = storeRead.mock.invocationCallOrder[0]!;
    const keptFromAttachment = appended.mock.calls
      .filter((_, i) => appended.mock.invocationCallOrder[i]! < handedOverAt)
      .reduce((count, [lines]) => count + lines.length, 0);
    expect(keptFromAttachment).toBeGreaterThan(0); // lines the store's reading had to pass over

    const [marker, ...lines] = (await fs.readFile(file.file, 'utf8')).split('\n').slice(0, -1);
    expect(marker).toBe(file.run);
    const firstWrong = lines.findIndex((line, i) => !line.endsWith(` out ${i + 1}`));
    expect({ lines: lines.length, firstWrong, there: lines[firstWrong] }).toEqual({ lines: LINES, firstWrong: -1, there: undefined });
  });
});
