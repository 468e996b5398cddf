import { describe, expect, it } from 'vitest';
import {
  addDraft,
  draftErrors,
  draftsFrom,
  duplicateDraft,
  removeDraft,
  sameJson,
  servicesFrom,
  updateDraft,
} from '../../../renderer/src/features/services/services-draft';

const service = (name: string, order?: number) => ({
  name, image: name, ports: [6379], scope: ['interactive'], exposed: false, requires_authentication: true,
  ...(order === undefined ? {} : { order }),
});

describe('services drafts', () => {
  it('lists services by order, those without one last', () => {
    const drafts = draftsFrom({ b: service('b', 2), a: service('a', 5), c: service('c'), d: service('d', 0) });
    expect(drafts.map((d) => d.form.name)).toEqual(['d', 'b', 'a', 'c']);
    expect(draftsFrom(undefined)).toEqual([]);
  });

  it('round-trips the services keyed by name', () => {
    const services = { redis: service('redis', 0), db: service('db', 1) };
    expect(sameJson(servicesFrom(draftsFrom(services)), services)).toBe(true);
  });

  it('adds from a template with a free name and the next order, and selects it', () => {
    const drafts = draftsFrom({ redis: service('redis', 3) });
    const added = addDraft(drafts, service('redis'));
    expect(added.drafts).toHaveLength(2);
    expect(added.drafts[1]?.id).toBe(added.id);
    expect(servicesFrom(added.drafts).redis1).toMatchObject({ name: 'redis1', order: 4 });
  });

  it('duplicates the edited service, not the saved one', () => {
    let drafts = draftsFrom({ redis: service('redis', 0) });
    const id = drafts[0]!.id;
    drafts = updateDraft(drafts, id, { ...drafts[0]!.form, ports: '6380' });
    const copy = duplicateDraft(drafts, id);
    expect(servicesFrom(copy!.drafts).redis1).toMatchObject({ ports: [6380], order: 1 });
    expect(duplicateDraft(drafts, 'nope')).toBeUndefined();
  });

  it('finds problems per draft, names checked against the others', () => {
    let drafts = draftsFrom({ a: service('a', 0), b: service('b', 1) });
    drafts = updateDraft(drafts, drafts[1]!.id, { ...drafts[1]!.form, name: 'a' });
    const errors = draftErrors(drafts);
    expect(errors.get(drafts[0]!.id)).toEqual({ name: "Another service is already named 'a'" });
    expect(errors.get(drafts[1]!.id)).toEqual({ name: "Another service is already named 'a'" });
    expect(draftErrors(removeDraft(drafts, drafts[1]!.id)).get(drafts[0]!.id)).toEqual({});
  });

  it('compares JSON whatever the key order', () => {
    expect(sameJson({ a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});
