import Docker from 'dockerode';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ContainerLogFollower } from '../../../../electron/core/logs/container-log-follower';
import type { LogFile } from '../../../../electron/core/logs/log-file';
import type { RawLogLine } from '../../../../electron/core/logs/log-format';

/** Docker's multiplexed frame: stream type, 3 zero bytes, big-endian length, payload. */
function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** A log file that stops being writable when told, as a full write queue does. */
class FakeFile extends EventEmitter {
  run = 'run-1';
  lines: RawLogLine[] = [];
  writable = true;
  append(lines: RawLogLine[]) {
    this.lines.push(...lines);
    this.emit('appended');
  }
  /** Resolves once the file holds `count` lines. */
  holds(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => this.lines.length >= count && (this.off('appended', check), resolve());
      this.on('appended', check);
      check();
    });
  }
}

describe('ContainerLogFollower', () => {
  it("lets go of an attachment it cannot keep up with and reads on from the engine's store, missing and repeating nothing", async () => {
    const attached = new PassThrough();
    const stored = new PassThrough();
    let storeAsked: (options: unknown) => void;
    const storeOptions = new Promise((resolve) => (storeAsked = resolve));
    const container = {
      attach: async () => attached,
      logs: async (options: unknown) => (storeAsked(options), stored),
    } as unknown as Docker.Container;
    const file = new FakeFile();
    const follower = new ContainerLogFollower(container, file as unknown as LogFile);
    await follower.attach();

    attached.write(frame(1, 'line 1\nline 2\npart'));
    attached.write(frame(2, 'err 1\n'));
    await file.holds(3);
    file.writable = false; // the file fell behind: the next chunk makes the follower let go
    attached.write(frame(1, 'ial 3\n'));
    expect(await storeOptions).toMatchObject({ follow: true });
    expect(attached.destroyed).toBe(true);
    file.writable = true; // written out meanwhile

    // The store has every line, one message each: the ones already kept are passed over.
    for (const text of ['line 1\n', 'line 2\n', 'partial 3\n', 'line 4\n']) stored.write(frame(1, text));
    stored.write(frame(2, 'err 1\n'));
    stored.write(frame(2, 'err 2\n'));
    stored.end();
    await follower.ended;
    expect(file.lines.map((l) => `${l.s} ${l.text}`)).toEqual(['out line 1', 'out line 2', 'err err 1', 'out partial 3', 'out line 4', 'err err 2']);
  });

  it('never writes a line into a run that began after it started', async () => {
    const attached = new PassThrough();
    const container = { attach: async () => attached } as unknown as Docker.Container;
    const file = new FakeFile();
    const follower = new ContainerLogFollower(container, file as unknown as LogFile);
    await follower.attach();
    attached.write(frame(1, 'old run\n'));
    await file.holds(1);
    file.run = 'run-2';
    attached.write(frame(1, 'late\n'));
    attached.end();
    await follower.ended;
    expect(file.lines.map((l) => l.text)).toEqual(['old run']);
  });
});
