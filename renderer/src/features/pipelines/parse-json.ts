export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string; line: number; column: number };

/** JSON.parse, with where the text breaks as a line and column a person can find (both from 1). */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const stated = /\(line (\d+) column (\d+)\)/.exec(message);
    if (stated) return { ok: false, message: message.replace(stated[0], '').trim(), line: Number(stated[1]), column: Number(stated[2]) };
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.length;
    const before = text.slice(0, offset).split('\n');
    return { ok: false, message, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
}
