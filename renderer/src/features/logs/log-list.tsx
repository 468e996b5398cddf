import { useEffect, useLayoutEffect, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { Button } from '../../components/button';
import { logsStore } from '../../stores/app-stores';
import type { LogView } from '../../stores/logs-store';
import type { LogListModel } from './log-list-model';
import { LogLineRow } from './log-line-row';
import { LOG_ROW_HEIGHT, placeAtBottom, rowTop, scrollScale, scrollTopCentring, useRowsInView } from './rows-in-view';

/** Rows drawn beyond the viewport on either side, so fast scrolling shows no blank. */
const OVERSCAN = 20;
/** Rows read ahead of the viewport on either side, so paging stays ahead of scrolling. */
const READ_AHEAD = 400;

export interface LogListProps {
  viewId: string;
  view: LogView;
  model: LogListModel;
  label: string;
  query: string;
  showSource: boolean;
  /** Steps' titles by their uuids, which name their logs. */
  sourceLabels: ReadonlyMap<string, string>;
  showTime: boolean;
  /** The row of the whole run the search stepped to. */
  currentRow: number | undefined;
  /** The scrolling element, which Copy and search read the rows in view from. */
  scrollRef: RefObject<HTMLDivElement | null>;
  empty: ReactNode;
}

/**
 * The virtual list of a log: fixed-height rows, stuck to the bottom while following. The sizer is as tall
 * as the whole run, so the scrollbar spans it all; only the rows in view (and some around) are drawn.
 */
export function LogList({ viewId, view, model, label, query, showSource, sourceLabels, showTime, currentRow, scrollRef, empty }: LogListProps) {
  const { place: measured, update } = useRowsInView(scrollRef, model.count);
  // Following, the view is at the end, whose rows are known without measuring: a live batch is drawn once.
  const place = view.following ? placeAtBottom(model.count, measured.height) : measured;
  const first = Math.max(0, Math.min(place.first, model.count) - OVERSCAN);
  const end = Math.min(model.count, place.end + OVERSCAN);

  useEffect(() => {
    if (model.paged && end > first) logsStore.getState().ensure(viewId, first - READ_AHEAD, end + READ_AHEAD);
  }, [viewId, model, first, end]);

  // Live lines keep the newest in view while following; otherwise, past the sizer's cap, they move what the same scrollTop shows.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && view.following) element.scrollTop = element.scrollHeight;
    else update();
  }, [scrollRef, update, model.count, view.following, view.epoch]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || view.anchor === 'end') return;
    element.scrollTop = scrollTopCentring(model.toIndex(view.anchor), element.clientHeight, scrollScale(model.count, element.clientHeight));
    update();
    // Only a new jump scrolls; the model changes with every live line.
  }, [view.epoch]);

  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight <= LOG_ROW_HEIGHT;
    // Following keeps the view at the end, where its place is known: only a scroll away from it is news.
    if (view.following && atBottom) return;
    update();
    if (atBottom !== view.following) logsStore.getState().setFollowing(viewId, atBottom);
  };

  // Service names and step titles line up in a column as wide as the longest.
  const labelOf = (source: string) => sourceLabels.get(source) ?? source;
  const columns = { '--log-source-width': `${Math.max(...view.target.sources.map((s) => labelOf(s).length), 1)}ch` } as CSSProperties;
  const scale = scrollScale(model.count, place.height);
  const rows: ReactNode[] = [];
  for (let index = first; index < end; index++) {
    const row = model.rowAt(index);
    rows.push(
      // Keyed by slot, not by index: as live lines move every index on, rows are updated in place, not remade.
      <LogLineRow
        key={index % (end - first)}
        row={row}
        top={rowTop(index, place.top, scale)}
        height={LOG_ROW_HEIGHT}
        query={query}
        showSource={showSource}
        sourceLabel={row && labelOf(row.source)}
        showTime={showTime}
        current={currentRow !== undefined && model.toRow(index) === currentRow}
      />,
    );
  }
  return (
    <div className="log-list" style={columns}>
      <div ref={scrollRef} className="log-list__scroll" role="log" aria-live="off" aria-label={label} tabIndex={0} onScroll={onScroll} data-testid="log-list">
        <div className="log-list__sizer" style={{ height: scale.height }}>
          {rows}
        </div>
        {model.count === 0 && view.status === 'ready' && <div className="log-list__empty">{empty}</div>}
      </div>
      {!view.following && !view.target.previous && (
        <Button className="log-list__follow" size="small" variant="primary" onClick={() => void logsStore.getState().jumpToEnd(viewId)}>
          Follow · jump to bottom
        </Button>
      )}
    </div>
  );
}
