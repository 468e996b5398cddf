import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { PipelineSection } from '../../app/route';
import { routeStore } from '../../app/route-store';
import { Tabs, type TabItem } from '../../components/tabs';
import { pipelineStore, runStore, sessionStore } from '../../stores/app-stores';
import { LogsPanel } from '../logs/logs-panel';
import { ServicesTab } from '../services/services-tab';
import { SessionPanel } from '../sessions/session-panel';
import { PipelineVariables } from '../variables/pipeline-variables';
import { PipelineHeader } from './pipeline-header';
import { PipelineOverview } from './pipeline-overview';
import { preloadPipelineGraph } from './pipeline-graph-module';
import { UnreadablePipeline } from './unreadable-pipeline';

const SECTIONS: readonly TabItem<PipelineSection>[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'services', label: 'Services' },
  { id: 'variables', label: 'Variables' },
  { id: 'logs', label: 'Logs' },
];

/** One pipeline file of the project: its session, what it holds, its services and variables to edit, and its logs. */
export interface PipelineViewProps {
  projectId: string;
  path: string;
  section: PipelineSection;
  /** The service whose log the Logs section shows; all of them when undefined. */
  source?: string | undefined;
}

export function PipelineView({ projectId, path, section, source }: PipelineViewProps) {
  const document = useStore(pipelineStore, (s) => (s.projectId === projectId && s.path === path ? s.document : undefined));
  const error = useStore(pipelineStore, (s) => (s.projectId === projectId && s.path === path ? s.error : undefined));

  useEffect(() => {
    preloadPipelineGraph(); // while the file is read
    pipelineStore.getState().open(projectId, path);
    void sessionStore.getState().load(projectId, path);
    runStore.getState().open(projectId, path);
    return () => {
      pipelineStore.getState().close();
      runStore.getState().close();
    };
  }, [projectId, path]);

  if (error) return <UnreadablePipeline projectId={projectId} path={path} error={error} />;
  if (!document) return <p className="muted">Reading the pipeline…</p>;

  return (
    <section className="pipeline" aria-labelledby="pipeline-title" data-testid="pipeline-view">
      <PipelineHeader projectId={projectId} document={document} />
      <SessionPanel projectId={projectId} path={path} />
      <Tabs
        label="Pipeline sections"
        idPrefix="pipeline"
        tabs={SECTIONS}
        selected={section}
        onSelect={(next) => routeStore.getState().navigate({ name: 'pipeline', projectId, path, section: next })}
      >
        {section === 'overview' && <PipelineOverview projectId={projectId} document={document} />}
        {/* Kept mounted while another section shows, so unsaved edits survive a look at the graph. */}
        <div hidden={section !== 'services'}>
          <ServicesTab projectId={projectId} document={document} active={section === 'services'} />
        </div>
        <div hidden={section !== 'variables'}>
          <PipelineVariables projectId={projectId} document={document} />
        </div>
        {section === 'logs' && <LogsPanel projectId={projectId} path={path} source={source} />}
      </Tabs>
    </section>
  );
}
