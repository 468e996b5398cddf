import { useLayoutEffect, useRef } from 'react';
import type { BuildLogBuffer } from '../../stores/build-log-buffer';

const NEAR_BOTTOM_PX = 24;

/** A build's log as plain text that follows new lines while its end is in view. */
export function BuildLogView({ log }: { log: BuildLogBuffer }) {
  const ref = useRef<HTMLPreElement>(null);
  const stuck = useRef(true);
  const text = log.lines.join('\n');

  useLayoutEffect(() => {
    const element = ref.current;
    if (element && stuck.current) element.scrollTop = element.scrollHeight;
  }, [text]);

  return (
    <pre
      ref={ref}
      className="build-log"
      tabIndex={0}
      aria-label={`Log of build ${log.number}`}
      data-testid="build-log"
      onScroll={(event) => {
        const element = event.currentTarget;
        stuck.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
      }}
    >
      {text || <span className="muted">No output yet.</span>}
    </pre>
  );
}
