import { useState } from 'react';
import { useStore } from 'zustand';
import { formatRoute } from '../../app/route';
import { routeStore } from '../../app/route-store';
import { errorMessage } from '../../bridge/request-error';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { FormError } from '../../components/form-error';
import { Icon } from '../../components/icon';
import { environmentsStore } from '../../stores/app-stores';
import { UnreadableFiles } from '../projects/unreadable-files';
import { EnvironmentList } from './environment-list';
import { EnvironmentPage } from './environment-page';

/** The project's environments (.orchest/environments/<uuid>), or the one the address names. */
export function EnvironmentsTab({ projectId, selected }: { projectId: string; selected?: string | undefined }) {
  const { entries, unreadable, loaded, error } = useStore(environmentsStore);
  const [createError, setCreateError] = useState<string | undefined>();
  const current = useStore(environmentsStore, (s) => s.projectId) === projectId;

  if (!current || !loaded) return <p className="muted">Looking for environments…</p>;
  if (error && Object.keys(entries).length === 0) {
    return <p className="callout callout--error" role="alert">The environments cannot be listed: {error}</p>;
  }
  if (selected) {
    const entry = entries[selected];
    if (entry) return <EnvironmentPage key={selected} projectId={projectId} entry={entry} />;
    return (
      <div className="listing">
        <p className="callout callout--error" role="alert">This project has no environment {selected}.</p>
        <a href={formatRoute({ name: 'project', projectId, tab: 'environments' })}>All environments</a>
      </div>
    );
  }

  const create = async () => {
    setCreateError(undefined);
    try {
      const uuid = await environmentsStore.getState().create();
      routeStore.getState().navigate({ name: 'project', projectId, tab: 'environments', environment: uuid });
    } catch (failure) {
      setCreateError(`The environment could not be made: ${errorMessage(failure)}`);
    }
  };
  const nameOf = (e: (typeof entries)[string]) => (e.draft ?? e.environment).name;
  const sorted = Object.values(entries).sort((a, b) => nameOf(a).localeCompare(nameOf(b)));

  return (
    <div className="listing environments">
      <div className="environments__toolbar">
        <Button onClick={() => void create()}>
          <Icon name="plus" />
          New environment
        </Button>
        <FormError message={createError} />
      </div>
      {sorted.length === 0 && unreadable.length === 0 ? (
        <EmptyState title="No environments yet" icon={<Icon name="box" size={32} />} testId="no-environments">
          <p>
            An environment is a base image and a set-up script, built into the image that services use. It lives in the
            project's <code>.orchest/environments</code> folder.
          </p>
        </EmptyState>
      ) : (
        sorted.length > 0 && <EnvironmentList projectId={projectId} entries={sorted} />
      )}
      <UnreadableFiles title="Environments that cannot be read" files={[...unreadable]} testId="unreadable-environments" />
    </div>
  );
}
