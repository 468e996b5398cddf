/** A payload's stream by the type byte of its frame's header (0 is stdin, which is not asked for). */
const STREAMS = { 1: 'out', 2: 'err' } as const;
const HEADER_BYTES = 8;

/**
 * Cuts Docker's multiplexed stream (each frame: stream type, 3 zero bytes, big-endian payload length,
 * payload) into payloads. docker-modem's demuxStream copies the rest of its buffer after every frame, so
 * a chunk of many small frames costs the square of its length; this reads frames in place, joining
 * chunks only where a frame spans them.
 */
export class DockerFrames {
  private rest: Buffer[] = [];
  private restBytes = 0;
  /** Not multiplexed after all (a TTY's stream, or a broken one): everything is stdout from here on. */
  private raw = false;

  constructor(private readonly take: (stream: 'out' | 'err', payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    if (this.raw) return this.take('out', chunk);
    const needed = this.rest.length === 0 ? 0 : this.frameBytes(this.rest[0]!);
    this.rest.push(chunk);
    this.restBytes += chunk.length;
    // A large frame is joined once, when all of it has come.
    if (this.restBytes < needed) return;
    const data = this.rest.length === 1 ? chunk : Buffer.concat(this.rest, this.restBytes);
    this.rest = [];
    this.restBytes = 0;
    let offset = 0;
    while (data.length - offset >= HEADER_BYTES) {
      const stream = STREAMS[data[offset] as 1 | 2];
      if (!stream) {
        this.raw = true;
        return this.take('out', data.subarray(offset));
      }
      const end = offset + HEADER_BYTES + data.readUInt32BE(offset + 4);
      if (end > data.length) break;
      this.take(stream, data.subarray(offset + HEADER_BYTES, end));
      offset = end;
    }
    if (offset < data.length) {
      this.rest = [data.subarray(offset)];
      this.restBytes = data.length - offset;
    }
  }

  /** The whole frame that `start` begins, once its header is there; 0 before. */
  private frameBytes(start: Buffer): number {
    return start.length < HEADER_BYTES ? 0 : HEADER_BYTES + start.readUInt32BE(4);
  }
}
