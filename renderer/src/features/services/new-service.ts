import type { ServiceObject } from './service-templates';

/** The name itself when free, else the name with 1, 2, … appended (Orchest's instantiateNewService). */
export function uniqueServiceName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let count = 1; ; count++) {
    const candidate = `${name}${count}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** One past the highest order in use, so a new service lists last; 0 for the first. */
export function nextServiceOrder(services: readonly ServiceObject[]): number {
  const orders = services.map((s) => s.order).filter((o): o is number => Number.isInteger(o));
  return orders.length === 0 ? 0 : Math.max(...orders) + 1;
}

/** A copy of a template (or of a service, to duplicate it) with a free name and the next order. */
export function instantiateNewService(source: ServiceObject, existing: readonly ServiceObject[]): ServiceObject {
  const taken = new Set(existing.map((s) => s.name).filter((n): n is string => typeof n === 'string'));
  const base = typeof source.name === 'string' && source.name !== '' ? source.name : 'service';
  return { ...structuredClone(source), name: uniqueServiceName(base, taken), order: nextServiceOrder(existing) };
}
