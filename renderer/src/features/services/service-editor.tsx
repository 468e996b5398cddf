import type { ReactNode } from 'react';
import type { EnvironmentSummary } from '../../../../electron/contract';
import { Button } from '../../components/button';
import { Icon } from '../../components/icon';
import { ServiceFields } from './service-fields';
import type { ServiceForm } from './service-form';
import type { ServiceDraft } from './services-draft';
import type { ServiceFormErrors } from './validate-service-form';

export interface ServiceEditorProps {
  draft: ServiceDraft;
  errors: ServiceFormErrors;
  environments: readonly EnvironmentSummary[];
  variableNames: readonly string[];
  onChange(form: ServiceForm): void;
  onDuplicate(): void;
  onDelete(): void;
  /** Shown above the fields: how to reach the service while its session runs. */
  access?: ReactNode;
}

/** The open service: its name as a heading, duplicate and delete, and its fields. */
export function ServiceEditor({ draft, errors, environments, variableNames, onChange, onDuplicate, onDelete, access }: ServiceEditorProps) {
  const title = draft.form.name || 'Unnamed service';
  return (
    <section className="service-editor" aria-label={`Service ${title}`} data-testid="service-editor">
      <header className="service-editor__header">
        <h3 className="service-editor__title">{title}</h3>
        <div className="service-editor__actions">
          <Button variant="ghost" size="small" onClick={onDuplicate}>
            Duplicate
          </Button>
          <Button variant="ghost" size="small" onClick={onDelete}>
            <Icon name="trash" />
            Delete service
          </Button>
        </div>
      </header>
      {access}
      <ServiceFields
        form={draft.form}
        errors={errors}
        environments={environments}
        variableNames={variableNames}
        onChange={onChange}
      />
    </section>
  );
}
