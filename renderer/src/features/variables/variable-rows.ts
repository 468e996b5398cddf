import type { Variables } from '../../../../electron/contract';
import type { KeyValueRow } from '../../components/key-value-rows';

/** A set of variables as rows, by name. */
export function rowsFrom(variables: Variables): KeyValueRow[] {
  return Object.keys(variables)
    .sort()
    .map((name) => ({ name, value: variables[name] ?? '' }));
}

/** A row left empty is not a variable: it is dropped, not refused. */
export function isBlankRow(row: KeyValueRow): boolean {
  return row.name === '' && row.value === '';
}

/** The set that saving sends: every row that is not blank. */
export function rowsToVariables(rows: readonly KeyValueRow[]): Variables {
  return Object.fromEntries(rows.filter((row) => !isBlankRow(row)).map((row) => [row.name, row.value]));
}

/** True when the rows hold something other than the saved set (order and blank rows aside). */
export function variablesDirty(rows: readonly KeyValueRow[], saved: Variables): boolean {
  const filled = rows.filter((row) => !isBlankRow(row));
  if (filled.length !== Object.keys(saved).length) return true;
  if (new Set(filled.map((row) => row.name)).size !== filled.length) return true;
  return filled.some((row) => !Object.hasOwn(saved, row.name) || saved[row.name] !== row.value);
}
