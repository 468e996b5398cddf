import Anser from 'anser';
import type { CSSProperties } from 'react';
import { lastDrawing, showControls } from '../../stores/plain-log-text';

/** A run of text in one style: classes for the 16 colours and decorations, inline colours for the rest. */
export interface Segment {
  text: string;
  className?: string;
  style?: CSSProperties;
}

export interface StyledLine {
  segments: Segment[];
  /** Characters not shown: long lines are cut. */
  hidden: number;
}

/** Characters of a line shown; the rest is counted, since a 1 MB line in one row helps nobody. */
export const LINE_LIMIT = 2_000;

const rgb = (value: string) => `rgb(${value})`;

/** xterm's 256 colours above the 16 named ones: a 6×6×6 cube, then 24 greys. */
export function paletteColour(index: number): string {
  if (index >= 232) {
    const grey = 8 + (index - 232) * 10;
    return `rgb(${grey}, ${grey}, ${grey})`;
  }
  const cube = index - 16;
  const level = (n: number) => (n === 0 ? 0 : 55 + n * 40);
  return `rgb(${level(Math.floor(cube / 36))}, ${level(Math.floor(cube / 6) % 6)}, ${level(cube % 6)})`;
}

function colour(value: string | null, truecolor: string | null, side: 'fg' | 'bg', classes: string[], style: CSSProperties) {
  if (!value) return;
  const property = side === 'fg' ? 'color' : 'backgroundColor';
  if (value === 'ansi-truecolor' && truecolor) style[property] = rgb(truecolor);
  else if (value.startsWith('ansi-palette-')) style[property] = paletteColour(Number(value.slice('ansi-palette-'.length)));
  else classes.push(`${value}-${side}`);
}

/** A log line's ANSI SGR colours as styled segments (never HTML), cut at LINE_LIMIT visible characters. */
export function ansiSegments(text: string): StyledLine {
  const drawn = lastDrawing(text);
  // Long lines are parsed only as far as can be shown; escape codes take some of the room.
  const parsed = drawn.length > LINE_LIMIT * 2 ? drawn.slice(0, LINE_LIMIT * 2) : drawn;
  const segments: Segment[] = [];
  let shown = 0;
  for (const entry of Anser.ansiToJson(parsed, { use_classes: true, remove_empty: true })) {
    if (shown >= LINE_LIMIT) break;
    const content = showControls(entry.content).slice(0, LINE_LIMIT - shown);
    shown += content.length;
    const classes: string[] = [];
    const style: CSSProperties = {};
    colour(entry.fg, entry.fg_truecolor, 'fg', classes, style);
    colour(entry.bg, entry.bg_truecolor, 'bg', classes, style);
    for (const decoration of entry.decorations) classes.push(`ansi-${decoration}`);
    segments.push({
      text: content,
      ...(classes.length > 0 ? { className: classes.join(' ') } : {}),
      ...(Object.keys(style).length > 0 ? { style } : {}),
    });
  }
  const visible = drawn.length > LINE_LIMIT ? Anser.ansiToText(drawn).length : shown;
  return { segments, hidden: Math.max(0, visible - shown) };
}
