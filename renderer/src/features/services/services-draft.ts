import { instantiateNewService } from './new-service';
import { formToService, serviceToForm, type ServiceForm } from './service-form';
import type { ServiceObject } from './service-templates';
import { validateServiceForm, type ServiceFormErrors } from './validate-service-form';

/** One service being edited: the object read from the file (or the template), and the form over it. */
export interface ServiceDraft {
  /** Stable while the name is edited. */
  id: string;
  original: ServiceObject;
  form: ServiceForm;
}

let lastId = 0;
const newId = () => `service-${++lastId}`;

/** The pipeline's services as drafts, in their `order` (services without one last, by name). */
export function draftsFrom(services: unknown): ServiceDraft[] {
  const entries = isObject(services) ? Object.values(services).filter(isObject) : [];
  return entries
    .sort((a, b) => orderOf(a) - orderOf(b) || String(a.name).localeCompare(String(b.name)))
    .map((service) => ({ id: newId(), original: service, form: serviceToForm(service) }));
}

/** What saving sends: every service keyed by its name. */
export function servicesFrom(drafts: readonly ServiceDraft[]): Record<string, ServiceObject> {
  return Object.fromEntries(drafts.map((draft) => [draft.form.name, formToService(draft.form, draft.original)]));
}

/** Adds a copy of `source` (a template or a service) with a free name and the next order. */
export function addDraft(drafts: readonly ServiceDraft[], source: ServiceObject): { drafts: ServiceDraft[]; id: string } {
  const service = instantiateNewService(source, drafts.map((d) => formToService(d.form, d.original)));
  const draft = { id: newId(), original: service, form: serviceToForm(service) };
  return { drafts: [...drafts, draft], id: draft.id };
}

export function duplicateDraft(drafts: readonly ServiceDraft[], id: string): { drafts: ServiceDraft[]; id: string } | undefined {
  const draft = drafts.find((d) => d.id === id);
  return draft ? addDraft(drafts, formToService(draft.form, draft.original)) : undefined;
}

export function updateDraft(drafts: readonly ServiceDraft[], id: string, form: ServiceForm): ServiceDraft[] {
  return drafts.map((draft) => (draft.id === id ? { ...draft, form } : draft));
}

export function removeDraft(drafts: readonly ServiceDraft[], id: string): ServiceDraft[] {
  return drafts.filter((draft) => draft.id !== id);
}

/** Each draft's problems, names checked against the other drafts. */
export function draftErrors(drafts: readonly ServiceDraft[]): Map<string, ServiceFormErrors> {
  const errors = new Map<string, ServiceFormErrors>();
  for (const draft of drafts) {
    const others = new Set(drafts.filter((d) => d.id !== draft.id).map((d) => d.form.name));
    errors.set(draft.id, validateServiceForm(draft.form, others));
  }
  return errors;
}

/** True when two JSON values are equal, whatever the order of their keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sorted(value[key])]));
}

function orderOf(service: ServiceObject): number {
  return Number.isInteger(service.order) ? (service.order as number) : Number.MAX_SAFE_INTEGER;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
