import type { ServiceDraft } from './services-draft';
import type { ServiceFormErrors } from './validate-service-form';

export interface ServiceListProps {
  drafts: readonly ServiceDraft[];
  errors: Map<string, ServiceFormErrors>;
  selectedId: string | undefined;
  onSelect(id: string): void;
}

/** The services in their order; one with a problem says so, whichever is open. */
export function ServiceList({ drafts, errors, selectedId, onSelect }: ServiceListProps) {
  return (
    <ul className="service-list" aria-label="Services" data-testid="service-list">
      {drafts.map((draft) => {
        const problems = Object.keys(errors.get(draft.id) ?? {}).length;
        return (
          <li key={draft.id}>
            <button
              type="button"
              className="service-list__item"
              aria-current={draft.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(draft.id)}
            >
              <span className="service-list__name">{draft.form.name || <span className="muted">unnamed</span>}</span>
              <span className="service-list__image">{draft.form.image || 'no image'}</span>
              {problems > 0 && (
                <span className="service-list__problems">{problems === 1 ? '1 problem' : `${problems} problems`}</span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
