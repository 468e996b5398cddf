import { useState } from 'react';
import type { PipelineDocument } from '../../../../electron/contract';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icon';
import { FormError } from '../../components/form-error';
import { useProjectListing } from '../projects/use-project-listing';
import { ServiceAccess } from '../sessions/service-access';
import { AddServiceDialog } from './add-service-dialog';
import { DeleteServiceDialog } from './delete-service-dialog';
import { ServiceEditor } from './service-editor';
import { ServiceList } from './service-list';
import { SessionNotice } from './session-notice';
import { useServiceDrafts } from './use-service-drafts';
import { useVariableNames } from './use-variable-names';

const NO_PROBLEMS = {};

export interface ServicesTabProps {
  projectId: string;
  document: PipelineDocument;
  /** Shown now: the variable names are read again each time, as the Variables tab may have changed them. */
  active: boolean;
}

/** The pipeline's services: a list in their order, the open one's form, and one Save for all of them. */
export function ServicesTab({ projectId, document, active }: ServicesTabProps) {
  const services = useServiceDrafts(document);
  const [dialog, setDialog] = useState<'add' | 'delete' | undefined>();
  const environments = useProjectListing('environments.list', projectId).items ?? [];
  const uuid = typeof document.definition.uuid === 'string' ? document.definition.uuid : undefined;
  const variableNames = useVariableNames(projectId, uuid, active);
  const { selected } = services;
  const problems = [...services.errors.values()].filter((e) => Object.keys(e).length > 0).length;

  return (
    <form className="services" aria-label="Services" onSubmit={(event) => (event.preventDefault(), void services.save())} noValidate>
      <div className="services__toolbar">
        <Button onClick={() => setDialog('add')}>
          <Icon name="plus" />
          Add service
        </Button>
        <SessionNotice />
      </div>
      {services.drafts.length === 0 ? (
        <EmptyState title="No services yet" icon={<Icon name="box" size={32} />} testId="no-services">
          <p>Services are containers that run beside the pipeline's steps while its session runs: a database, a dashboard, an editor.</p>
        </EmptyState>
      ) : (
        <div className="services__body">
          <ServiceList
            drafts={services.drafts}
            errors={services.errors}
            selectedId={selected?.id}
            onSelect={services.select}
          />
          {selected && (
            <ServiceEditor
              key={selected.id}
              draft={selected}
              errors={services.errors.get(selected.id) ?? NO_PROBLEMS}
              environments={environments}
              variableNames={variableNames}
              onChange={(form) => services.update(selected.id, form)}
              onDuplicate={() => services.duplicate(selected.id)}
              onDelete={() => setDialog('delete')}
              access={<ServiceAccess projectId={projectId} path={document.path} name={typeof selected.original.name === 'string' ? selected.original.name : selected.form.name} />}
            />
          )}
        </div>
      )}
      {(services.drafts.length > 0 || services.dirty || services.notice) && (
      <footer className="form-footer">
        <div className="form-footer__status" aria-live="polite">
          {services.notice && <span className="form-footer__notice" data-testid="services-notice">{services.notice}</span>}
          {!services.notice && services.staleOnDisk && services.dirty && (
            <span className="services__stale">The file changed on disk since you started; saving will reload it instead.</span>
          )}
          {!services.notice && problems > 0 && (
            <span className="services__problems">
              {problems === 1 ? 'One service has a problem to fix before saving.' : `${problems} services have problems to fix before saving.`}
            </span>
          )}
          <FormError message={services.error} />
        </div>
        <Button onClick={services.discard} disabled={!services.dirty || services.saving}>
          Discard changes
        </Button>
        <Button
          type="submit"
          variant="primary"
          disabled={!services.dirty || !services.valid || services.saving}
          aria-busy={services.saving || undefined}
        >
          Save
        </Button>
      </footer>
      )}
      {dialog === 'add' && (
        <AddServiceDialog
          onClose={() => setDialog(undefined)}
          onChoose={(template) => (services.add(template.service), setDialog(undefined))}
        />
      )}
      {dialog === 'delete' && selected && (
        <DeleteServiceDialog
          name={selected.form.name}
          onClose={() => setDialog(undefined)}
          onConfirm={() => (services.remove(selected.id), setDialog(undefined))}
        />
      )}
    </form>
  );
}
