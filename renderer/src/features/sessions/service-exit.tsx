import { useEffect, useState } from 'react';
import type { SessionService } from '../../../../electron/contract';
import { bridge } from '../../bridge/client';

const LAST_LINES = 5;

/** Of a service that stopped on its own or was removed: when, and the last lines it printed. */
export function ServiceExit({ projectId, path, service }: { projectId: string; path: string; service: SessionService }) {
  const [lines, setLines] = useState<string[]>();
  const { name, finishedAt, state } = service;

  useEffect(() => {
    let current = true;
    bridge
      .request('logs.read', { projectId, path, source: name, count: LAST_LINES, tail: true })
      .then((page) => current && setLines(page.lines.map((l) => l.text)), () => current && setLines([]));
    return () => {
      current = false;
    };
  }, [projectId, path, name, finishedAt, state]);

  const when = finishedAt ? ` at ${new Date(finishedAt).toLocaleTimeString()}` : '';
  return (
    <div className="service-exit" data-testid={`service-exit-${name}`}>
      <p>{exitSentence(service, when)}</p>
      {lines && lines.length > 0 && (
        <pre className="service-exit__lines" aria-label={`Last lines of ${name}`}>
          {lines.join('\n')}
        </pre>
      )}
    </div>
  );
}

function exitSentence(service: SessionService, when: string): string {
  if (service.state === 'removed') return `Its container was removed from outside the app${when}.`;
  if (service.state === 'crash-looping') return `It keeps failing: restarted ${service.restartCount ?? 0} times, last stopped${when}${exitWords(service)}.`;
  return `Stopped on its own${when}${exitWords(service)}.`;
}

function exitWords({ exitCode, oomKilled }: SessionService): string {
  if (oomKilled) return `: the kernel killed it for want of memory (code ${exitCode ?? '?'})`;
  return exitCode === undefined ? '' : ` with code ${exitCode}`;
}
