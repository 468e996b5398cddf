import { useStore } from 'zustand';
import { Button } from '../../components/button';
import { logSearchStore } from '../../stores/app-stores';

export interface LogSearchBoxProps {
  viewId: string;
  /** The rows in view: stepping starts from there. */
  range(): [number, number];
  /** Whether the search covers the lines in memory only (merged views). */
  inMemory: boolean;
}

/** The search field: highlights as typed; Enter and Shift+Enter step through the matches of the whole run. */
export function LogSearchBox({ viewId, range, inMemory }: LogSearchBoxProps) {
  const search = useStore(logSearchStore, (s) => s.searches[viewId]);
  const query = search?.query ?? '';
  const step = (direction: 1 | -1) => {
    const [from, to] = range();
    void logSearchStore.getState().step(viewId, direction, direction > 0 ? from : Math.max(from, to - 1));
  };

  let status = '';
  if (search?.status === 'searching') status = 'Searching…';
  else if (search?.status === 'error') status = search.error ?? 'Search failed';
  else if (search?.status === 'ready') {
    const total = `${search.matches.length.toLocaleString()}${search.truncated ? '+' : ''}`;
    status = search.matches.length === 0 ? 'No matches' : `${search.current < 0 ? '–' : (search.current + 1).toLocaleString()} of ${total}`;
    if (inMemory) status += ' in memory';
  }

  return (
    <div className="log-search" role="search">
      <input
        type="search"
        className="field__input log-search__input"
        placeholder="Search the log"
        aria-label="Search the log"
        aria-describedby={`${viewId}-search-status`}
        value={query}
        onChange={(event) => logSearchStore.getState().setQuery(viewId, event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          step(event.shiftKey ? -1 : 1);
        }}
      />
      <span id={`${viewId}-search-status`} className="log-search__status" aria-live="polite" data-testid="log-search-status">
        {status}
      </span>
      <Button size="small" variant="ghost" aria-label="Previous match" disabled={!query} onClick={() => step(-1)}>
        ↑
      </Button>
      <Button size="small" variant="ghost" aria-label="Next match" disabled={!query} onClick={() => step(1)}>
        ↓
      </Button>
    </div>
  );
}
