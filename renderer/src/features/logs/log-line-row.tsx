import { memo, useMemo } from 'react';
import type { LogRow } from '../../stores/log-window';
import { ansiSegments } from './ansi-segments';
import { formatLogTime } from './format-log-time';
import { highlight } from './highlight';
import { sourceColour } from './source-colour';

const STREAM_LABELS = { out: undefined, err: 'stderr', sys: 'Orchest Desktop' } as const;

export interface LogLineRowProps {
  row: LogRow | undefined;
  /** The row's offset in the list, in pixels. */
  top: number;
  height: number;
  query: string;
  showSource: boolean;
  /** What the source prefix says: the service's name, or the step's title. */
  sourceLabel: string | undefined;
  showTime: boolean;
  /** The match the search stepped to. */
  current: boolean;
}

/** One line: its stream's marker, time and service (or step) on demand, and its text in its ANSI colours. */
export const LogLineRow = memo(function LogLineRow({ row, top, height, query, showSource, sourceLabel, showTime, current }: LogLineRowProps) {
  const styled = useMemo(() => (row ? ansiSegments(row.line.text) : undefined), [row]);
  const pieces = useMemo(() => (styled ? highlight(styled.segments, query) : []), [styled, query]);
  const style = { transform: `translateY(${top}px)`, height };
  if (!row || !styled) return <div className="log-line log-line--pending" style={style} aria-hidden="true" />;

  const { line, source } = row;
  const label = STREAM_LABELS[line.s];
  const classes = ['log-line', `log-line--${line.s}`, current ? 'log-line--current' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} style={style} data-testid="log-line" data-stream={line.s} data-line={line.n} data-source={source}>
      {label && <span className="log-line__label">{label}: </span>}
      {showTime && line.t && (
        <time className="log-line__time" dateTime={line.t}>
          {formatLogTime(line.t)}
        </time>
      )}
      {showSource && (
        <span className={`log-line__source log-source--${sourceColour(source)}`} title={sourceLabel === source ? undefined : source}>
          {sourceLabel ?? source}
        </span>
      )}
      <span className="log-line__text">
        {pieces.map((piece, i) =>
          piece.mark ? (
            <mark key={i} className={piece.className ? `log-mark ${piece.className}` : 'log-mark'} style={piece.style}>
              {piece.text}
            </mark>
          ) : (
            <span key={i} className={piece.className} style={piece.style}>
              {piece.text}
            </span>
          ),
        )}
      </span>
      {styled.hidden > 0 && <span className="log-line__more"> … ({styled.hidden.toLocaleString()} more characters)</span>}
    </div>
  );
});
