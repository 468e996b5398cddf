/** The values of a stream of JSON documents one a line (Docker's events and stats); a line that is not JSON is passed over. */
export function onJsonLines(stream: NodeJS.ReadableStream, onValue: (value: unknown) => void): void {
  let buffered = '';
  stream.setEncoding('utf8'); // a character split between chunks stays whole
  stream.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (!line) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        continue; // never seen from the engine; not thrown in a stream handler
      }
      onValue(value);
    }
  });
}
