import { useEffect, useState } from 'react';
import { formatRoute } from '../../app/route';
import { routeStore } from '../../app/route-store';
import { Button } from '../../components/button';
import { FormError } from '../../components/form-error';
import { Icon } from '../../components/icon';
import { errorMessage } from '../../bridge/request-error';
import { environmentsStore } from '../../stores/app-stores';
import { fieldsOf, sameFields } from '../../stores/environment-draft';
import type { EnvironmentEntry } from '../../stores/environment-entry';
import { BuildPanel } from './build-panel';
import { DeleteEnvironmentDialog } from './delete-environment-dialog';
import { EnvironmentEditor } from './environment-editor';

/** One environment: its editor beside its builds, with duplicate and delete. */
export function EnvironmentPage({ projectId, entry }: { projectId: string; entry: EnvironmentEntry }) {
  const { uuid, name, usedBy } = entry.environment;
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const unsaved = entry.draft !== undefined && !sameFields(entry.draft, fieldsOf(entry.environment));

  useEffect(() => {
    void environmentsStore.getState().loadBuilds(uuid);
  }, [uuid]);

  const duplicate = async () => {
    setError(undefined);
    try {
      const copy = await environmentsStore.getState().duplicate(uuid);
      routeStore.getState().navigate({ name: 'project', projectId, tab: 'environments', environment: copy });
    } catch (failure) {
      setError(`The environment could not be duplicated: ${errorMessage(failure)}`);
    }
  };

  return (
    <article className="environment" aria-labelledby="environment-title" data-testid="environment-page">
      <a className="back-link" href={formatRoute({ name: 'project', projectId, tab: 'environments' })}>
        <span className="back-link__chevron" aria-hidden="true">
          <Icon name="chevron" size={14} />
        </span>
        All environments
      </a>
      <header className="environment__header">
        <h2 id="environment-title" className="environment__title">
          {name}
          {unsaved && <span className="environment__unsaved" title="Unsaved changes" aria-label="(unsaved changes)"> •</span>}
        </h2>
        <div className="environment__actions">
          <Button variant="ghost" size="small" onClick={() => void duplicate()}>
            Duplicate
          </Button>
          <Button variant="ghost" size="small" onClick={() => setDeleting(true)}>
            <Icon name="trash" />
            Delete environment
          </Button>
        </div>
      </header>
      <p className="environment__meta muted">
        <code>{uuid}</code>
        {usedBy.length > 0 && <> · in use by {usedBy.join(', ')}</>}
      </p>
      <FormError message={error} />
      <div className="environment__body">
        <EnvironmentEditor entry={entry} />
        <BuildPanel entry={entry} unsaved={unsaved} />
      </div>
      {deleting && <DeleteEnvironmentDialog projectId={projectId} uuid={uuid} name={name} onClose={() => setDeleting(false)} />}
    </article>
  );
}
