/**
 * Reads until `done` holds, every 100 ms, failing after `ms` with what was awaited and the last value
 * read: for conditions that no event announces (the engine's state, a file's content).
 */
export async function pollUntil<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen in ${ms / 1000} s; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
