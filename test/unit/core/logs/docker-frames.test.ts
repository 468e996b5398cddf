import Docker from 'dockerode';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DockerFrames } from '../../../../electron/core/logs/docker-frames';

/** Docker's multiplexed frame: stream type, 3 zero bytes, big-endian length, payload. */
function frame(stream: 1 | 2, payload: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** What each stream got, joined: frames may be cut anywhere, so only the bytes per stream compare. */
function collect(chunks: Buffer[]) {
  const got = { out: [] as Buffer[], err: [] as Buffer[] };
  const frames = new DockerFrames((stream, payload) => got[stream].push(Buffer.from(payload)));
  for (const chunk of chunks) frames.push(chunk);
  return { out: Buffer.concat(got.out).toString(), err: Buffer.concat(got.err).toString(), payloads: got.out.length + got.err.length };
}

/** docker-modem's demuxStream over the same chunks, as the reference. */
async function reference(chunks: Buffer[]) {
  const got = { out: '', err: '' };
  const sink = (name: 'out' | 'err') => new Writable({ write: (chunk: Buffer, _e, done) => ((got[name] += chunk.toString()), done()) });
  const stream = new PassThrough();
  new Docker().modem.demuxStream(stream, sink('out'), sink('err'));
  for (const chunk of chunks) stream.write(chunk);
  await new Promise((resolve) => setImmediate(resolve));
  return got;
}

function cut(data: Buffer, sizes: () => number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < data.length; ) {
    const size = Math.max(1, sizes());
    chunks.push(data.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
}

describe('DockerFrames', () => {
  const stream = Buffer.concat([
    frame(1, Buffer.from('line 1\nline 2\n')),
    frame(2, Buffer.from('oops\n')),
    frame(1, Buffer.alloc(0)),
    frame(1, Buffer.from('ünïcode ✓\n')),
    frame(2, Buffer.from([0xff, 0xfe, 0x0a])),
  ]);

  it('gives each payload to its stream however the chunks cut the frames', async () => {
    const whole = collect([stream]);
    expect(whole).toMatchObject({ out: 'line 1\nline 2\nünïcode ✓\n', err: `oops\n${Buffer.from([0xff, 0xfe, 0x0a])}` });
    for (let at = 1; at < stream.length; at++) {
      expect(collect([stream.subarray(0, at), stream.subarray(at)])).toMatchObject({ out: whole.out, err: whole.err });
    }
    expect(collect(cut(stream, () => 1))).toMatchObject({ out: whole.out, err: whole.err });
  });

  it('agrees with docker-modem on many small frames in random chunks', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    const frames = Array.from({ length: 2000 }, (_, i) => frame(random() < 0.8 ? 1 : 2, Buffer.from(`message ${i} ${'x'.repeat(Math.floor(random() * 200))}\n`)));
    const data = Buffer.concat(frames);
    const chunks = cut(data, () => Math.floor(random() * 70_000));
    const mine = collect(chunks);
    expect({ out: mine.out, err: mine.err }).toEqual(await reference(chunks));
  });

  it('hands a large frame over whole once all of it has come', () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    const got = collect(cut(Buffer.concat([frame(1, big), frame(2, Buffer.from('after\n'))]), () => 65_536));
    expect(got).toEqual({ out: big.toString(), err: 'after\n', payloads: 2 });
  });

  it('passes a stream that is not multiplexed (a TTY) through as stdout', () => {
    expect(collect([Buffer.from('plain output\n'), Buffer.from('more\n')])).toMatchObject({ out: 'plain output\nmore\n', err: '' });
  });
});
