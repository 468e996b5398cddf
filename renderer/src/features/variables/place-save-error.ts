import type { KeyValueRow } from '../../components/key-value-rows';
import { formErrors } from '../../bridge/request-error';
import type { VariableRowErrors } from './validate-variable-rows';

export interface SaveErrors {
  rows: VariableRowErrors;
  form: string | undefined;
}

/** A refused save's error next to the row it names (the host names `variables.<NAME>`), else under the form. */
export function placeSaveError(error: unknown, rows: readonly KeyValueRow[]): SaveErrors {
  const fieldOf = (row: KeyValueRow) => `variables.${row.name}`;
  const { fields, form } = formErrors(error, rows.map(fieldOf));
  const placed: Record<number, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const index = rows.findIndex((row) => fieldOf(row) === field);
    if (index >= 0) placed[index] = message;
  }
  return { rows: placed, form };
}
