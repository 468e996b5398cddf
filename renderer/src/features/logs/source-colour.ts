/** Colours the source prefixes take, as classes of logs.css. */
export const SOURCE_COLOURS = 8;

/** The same service gets the same colour in every view and session: a hash of its name. */
export function sourceColour(source: string): number {
  let hash = 0;
  for (let i = 0; i < source.length; i++) hash = (hash * 31 + source.charCodeAt(i)) >>> 0;
  return hash % SOURCE_COLOURS;
}
