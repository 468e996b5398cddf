import { useEffect } from 'react';
import type { Project } from '../../../../electron/contract';
import { dialogStore } from '../../app/dialog-store';
import type { PipelineSection, ProjectTab } from '../../app/route';
import { routeStore } from '../../app/route-store';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { Tabs, type TabItem } from '../../components/tabs';
import { environmentsStore, filesStore } from '../../stores/app-stores';
import { EnvironmentsTab } from '../environments/environments-tab';
import { FilesTab } from '../files/files-tab';
import { JobsTabOnDemand } from '../jobs/jobs-tab-on-demand';
import { PipelineView } from '../pipelines/pipeline-view';
import { PipelinesTab } from '../pipelines/pipelines-tab';
import { VariablesTab } from '../variables/variables-tab';

const TABS: readonly TabItem<ProjectTab>[] = [
  { id: 'files', label: 'Files' },
  { id: 'pipelines', label: 'Pipelines' },
  { id: 'environments', label: 'Environments' },
  { id: 'variables', label: 'Variables' },
  { id: 'jobs', label: 'Jobs' },
];

export interface ProjectPageProps {
  project: Project;
  tab: ProjectTab;
  /** The environment opened from the Environments tab. */
  environment?: string | undefined;
  /** The job opened from the Jobs tab, and one of its runs. */
  job?: string | undefined;
  run?: string | undefined;
  /** The pipeline opened from the Pipelines tab, shown in its place. */
  pipeline?: { path: string; section: PipelineSection; source?: string | undefined } | undefined;
}

/** One project: its name and folder, and tabs for its files, pipelines, environments and variables. */
export function ProjectPage({ project, tab, environment, job, run, pipeline }: ProjectPageProps) {
  // The project's files are watched for as long as its page is open.
  useEffect(() => {
    filesStore.getState().open(project.uuid);
    environmentsStore.getState().open(project.uuid);
    return () => (filesStore.getState().close(), environmentsStore.getState().close());
  }, [project.uuid]);

  return (
    <article className="project" aria-labelledby="project-title" data-testid="project-page">
      <header className="project__header">
        <div className="project__heading">
          <h1 id="project-title" className="project__title">
            {project.name}
          </h1>
          {project.external && <span className="tag">imported</span>}
        </div>
        <div className="project__meta">
          <code className="project__path" data-testid="project-path">
            {project.path}
          </code>
        </div>
        <div className="project__actions">
          <Button
            variant="ghost"
            size="small"
            onClick={() => dialogStore.getState().show({ name: 'delete-project', projectId: project.uuid })}
          >
            <Icon name="trash" />
            Delete project
          </Button>
        </div>
      </header>
      <Tabs
        label="Project sections"
        idPrefix="project"
        tabs={TABS}
        selected={tab}
        onSelect={(next) => routeStore.getState().navigate({ name: 'project', projectId: project.uuid, tab: next })}
      >
        {tab === 'files' && <FilesTab projectName={project.name} />}
        {tab === 'pipelines' &&
          (pipeline ? (
            <PipelineView projectId={project.uuid} path={pipeline.path} section={pipeline.section} source={pipeline.source} />
          ) : (
            <PipelinesTab projectId={project.uuid} />
          ))}
        {tab === 'environments' && <EnvironmentsTab projectId={project.uuid} selected={environment} />}
        {tab === 'variables' && <VariablesTab key={project.uuid} projectId={project.uuid} />}
        {tab === 'jobs' && <JobsTabOnDemand projectId={project.uuid} job={job} run={run} />}
      </Tabs>
    </article>
  );
}
