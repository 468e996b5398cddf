import { VariableName, VariableValue } from '../../../../electron/contract';
import type { KeyValueRow } from '../../components/key-value-rows';
import { isBlankRow } from './variable-rows';

/** Each row's problem, by row index. */
export type VariableRowErrors = Readonly<Record<number, string>>;

/** The host's own name and value rules (so its messages), plus empty names and repeats, row by row. */
export function validateVariableRows(rows: readonly KeyValueRow[]): VariableRowErrors {
  const errors: Record<number, string> = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const name = VariableName.safeParse(row.name);
    const value = VariableValue.safeParse(row.value);
    if (row.name === '') errors[index] = 'Give the variable a name';
    else if (!name.success) errors[index] = name.error.issues[0]?.message ?? 'Invalid name';
    else if (seen.has(row.name)) errors[index] = `${row.name} is listed twice`;
    else if (!value.success) errors[index] = value.error.issues[0]?.message ?? 'Invalid value';
    seen.add(row.name);
  });
  return errors;
}
