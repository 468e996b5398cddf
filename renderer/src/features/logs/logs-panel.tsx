import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { bridge } from '../../bridge/client';
import { errorMessage } from '../../bridge/request-error';
import { routeStore } from '../../app/route-store';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icon';
import { logSearchStore, logsStore } from '../../stores/app-stores';
import { useRun } from '../runs/use-run';
import { isLive } from '../sessions/session-labels';
import { useSession } from '../sessions/use-session';
import { LogList } from './log-list';
import { logListModel } from './log-list-model';
import { stepTitles } from './step-titles';
import { logRowText } from './log-text';
import { rowsInView } from './rows-in-view';
import { LogsToolbar } from './logs-toolbar';
import { readWholeRun } from './read-whole-run';
import { saveBlob } from './save-blob';
import { useLogSources, type JobRunRef } from './use-log-sources';
import { LogsNotWritten } from './logs-not-written';

export interface LogsPanelProps {
  projectId: string;
  path: string;
  /** The service (or the step, by its uuid) to show; all of them merged when undefined. */
  source: string | undefined;
  /** A run of one of the pipeline's jobs: its logs (in the run's own copy) instead of the session's. */
  jobRun?: JobRunRef | undefined;
  /** Picks another source; without it the picker goes to the pipeline's Logs section. */
  onSource?: ((source: string | undefined) => void) | undefined;
  /** Whether lines may still come; the session's state when not given. */
  live?: boolean | undefined;
  /** Steps' titles by uuid, beside those the log list names (a job run's steps). */
  stepLabels?: ReadonlyMap<string, string> | undefined;
  /** Changes when the list of logs may have changed (a job run's steps starting); lists them again. */
  sourcesKey?: string | undefined;
}

/** A pipeline's logs: one service or step, or all merged, live, searchable, with copy and download. */
export function LogsPanel({ projectId, path, source, jobRun, onSource, live: liveGiven, stepLabels, sourcesKey }: LogsPanelProps) {
  const viewId = `logs${useId()}`;
  const { sources, error: listError } = useLogSources(projectId, path, jobRun, sourcesKey);
  const sessionLive = isLive(useSession(projectId, path).session?.status);
  const live = liveGiven ?? sessionLive;
  const [previous, setPrevious] = useState(false);
  const [timestamps, setTimestamps] = useState(false);
  const [filter, setFilter] = useState(false);
  const [note, setNote] = useState<string | undefined>();
  const scrollRef = useRef<HTMLDivElement>(null);

  const { run } = useRun();
  const names = useMemo(() => sources?.map((s) => s.source) ?? [], [sources]);
  const runSteps = jobRun ? undefined : run?.steps;
  const labels = useMemo(() => new Map([...(stepLabels ?? []), ...stepTitles(sources, runSteps)]), [sources, runSteps, stepLabels]);
  const picked = source ? [source] : names;
  const hasPrevious = source ? sources?.find((s) => s.source === source)?.previous === true : false;
  const readPrevious = previous && hasPrevious;
  const jobRunKey = jobRun ? `${jobRun.jobUuid}/${jobRun.runUuid}` : '';
  const targetKey = JSON.stringify([projectId, path, picked, readPrevious, jobRunKey]);

  useEffect(() => {
    const [, , sourcesToRead, previousRun, runKey] = JSON.parse(targetKey) as [string, string, string[], boolean, string];
    if (sourcesToRead.length === 0) return;
    const [jobUuid, runUuid] = runKey.split('/');
    const ofRun = jobUuid && runUuid ? { jobRun: { jobUuid, runUuid } } : {};
    logsStore.getState().open(viewId, { projectId, path, sources: sourcesToRead, previous: previousRun, ...ofRun });
    // A new target keeps the words searched for, but not the matches of the old one.
    logSearchStore.getState().setQuery(viewId, logSearchStore.getState().searches[viewId]?.query ?? '');
    return () => logsStore.getState().close(viewId);
  }, [viewId, projectId, path, targetKey]);
  useEffect(() => () => logSearchStore.getState().clear(viewId), [viewId]);

  const view = useStore(logsStore, (s) => s.views[viewId]);
  const search = useStore(logSearchStore, (s) => s.searches[viewId]);
  const query = search?.query ?? '';
  const logWindow = view?.window;
  const model = useMemo(() => (logWindow ? logListModel(logWindow, filter && query ? query : undefined) : undefined), [logWindow, filter, query]);
  const merged = picked.length > 1;
  const textOptions = { sources: merged, timestamps, labels };

  const flash = (text: string) => {
    setNote(text);
    setTimeout(() => setNote((current) => (current === text ? undefined : current)), 3_000);
  };
  const copy = async () => {
    const selection = window.getSelection();
    const list = scrollRef.current;
    const selected = selection && !selection.isCollapsed && list?.contains(selection.anchorNode) ? selection.toString() : '';
    const [from, to] = rowsInView(list, model?.count ?? 0);
    const inView = model
      ? Array.from({ length: Math.max(0, to - from) }, (_, i) => model.rowAt(from + i)).flatMap((row) => (row ? [logRowText(row, textOptions)] : []))
      : [];
    try {
      await navigator.clipboard.writeText(selected || inView.join('\n'));
      flash(selected ? 'Copied the selection' : `Copied ${inView.length} lines`);
    } catch (error) {
      flash(`Not copied: ${errorMessage(error)}`);
    }
  };
  const download = async () => {
    if (!view) return;
    setNote('Reading the whole run…');
    try {
      const blob = await readWholeRun(bridge, view.target, textOptions);
      saveBlob(blob, `${source ?? 'all-services'}${readPrevious ? '.previous' : ''}.log`);
      flash('Downloaded');
    } catch (error) {
      flash(`Not downloaded: ${errorMessage(error)}`);
    }
  };

  if (listError && !sources) return <Notice text={listError} />;
  if (sources && picked.length === 0) {
    return (
      <EmptyState title="No logs yet" icon={<Icon name="logs" size={28} />} testId="logs-empty">
        {jobRun
          ? 'This run’s services and steps have written nothing yet.'
          : live
            ? 'The session’s services have written nothing yet.'
            : 'Start the session or run the pipeline: each service’s and step’s log appears here as it runs.'}
      </EmptyState>
    );
  }

  const label = source ? `Log of ${labels.get(source) ?? source}` : 'Logs of all services and steps';
  return (
    <section className="logs" aria-label={label} data-testid="logs-panel">
      <LogsToolbar
        sources={sources ?? []}
        labels={labels}
        source={source}
        onSource={onSource ?? ((next) => routeStore.getState().navigate({ name: 'pipeline', projectId, path, section: 'logs', ...(next ? { source: next } : {}) }))}
        search={{
          viewId,
          inMemory: merged,
          range: () => {
            const [from, to] = rowsInView(scrollRef.current, model?.count ?? 0);
            return model && model.count > 0 ? [model.toRow(Math.min(from, model.count - 1)), model.toRow(Math.min(to, model.count) - 1) + 1] : [0, 0];
          },
        }}
        filter={filter}
        onFilter={setFilter}
        timestamps={timestamps}
        onTimestamps={setTimestamps}
        previous={hasPrevious ? previous : undefined}
        onPrevious={setPrevious}
        onStart={() => void logsStore.getState().jumpToStart(viewId)}
        onCopy={() => void copy()}
        onDownload={() => void download()}
        note={note}
      />
      {!jobRun && <LogsNotWritten projectId={projectId} path={path} sources={picked} />}
      {readPrevious && <p className="logs__previous muted">The previous run: it is finished, so nothing new comes.</p>}
      {view?.error && <Notice text={view.error} />}
      {!view || !model || view.status === 'loading' ? (
        <p className="muted logs__loading">Reading the log…</p>
      ) : (
        <LogList
          viewId={viewId}
          view={view}
          model={model}
          label={label}
          query={query}
          showSource={merged}
          sourceLabels={labels}
          showTime={timestamps}
          currentRow={search && search.current >= 0 ? search.matches[search.current] : undefined}
          scrollRef={scrollRef}
          empty={filter && query ? 'No line in memory matches.' : live ? 'No lines yet: nothing written so far.' : jobRun ? 'The run wrote nothing here.' : 'No logs yet: start the session.'}
        />
      )}
    </section>
  );
}

function Notice({ text }: { text: string }) {
  return (
    <p className="notice notice--error" role="alert">
      <Icon name="alert" />
      <span className="notice__text">{text}</span>
    </p>
  );
}
