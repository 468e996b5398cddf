/** One line of a pull's JSON stream, as the engine sends it. */
export interface PullEvent {
  id?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
  progressDetail?: { current?: number; total?: number };
}

interface Layer {
  current: number;
  total: number;
  done: boolean;
}

/** Sums a pull's per-layer events into one line a person can read. */
export class PullProgress {
  private readonly layers = new Map<string, Layer>();

  update(event: PullEvent): void {
    if (!event.id || !event.status || !/^[0-9a-f]{12}$/.test(event.id)) return;
    const layer = this.layers.get(event.id) ?? { current: 0, total: 0, done: false };
    if (event.progressDetail?.total) {
      layer.current = event.progressDetail.current ?? 0;
      layer.total = event.progressDetail.total;
    }
    if (/complete|already exists/i.test(event.status)) layer.done = true;
    this.layers.set(event.id, layer);
  }

  text(): string {
    const all = [...this.layers.values()];
    const done = all.filter((l) => l.done).length;
    const total = all.reduce((sum, l) => sum + l.total, 0);
    const current = all.reduce((sum, l) => sum + (l.done ? l.total : l.current), 0);
    const bytes = total > 0 ? `, ${megabytes(current)} of ${megabytes(total)} MB` : '';
    return `Pulling: ${done} of ${all.length} layers${bytes}`;
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
