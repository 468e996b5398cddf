import { BridgeRequestError } from '../../../electron/contract';

/** What went wrong, in words a person can read. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export interface FormErrors {
  /** Messages for the form's own fields, by field name. */
  fields: Record<string, string>;
  /** A message that belongs to no field of the form. */
  form: string | undefined;
}

/** Puts a failed request's error next to the field it names, when the form has that field. */
export function formErrors(error: unknown, formFields: readonly string[]): FormErrors {
  if (error instanceof BridgeRequestError && error.field && formFields.includes(error.field)) {
    // Validation messages start with "field: "; next to the field that prefix only repeats it.
    const prefix = `${error.field}: `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return { fields: { [error.field]: message }, form: undefined };
  }
  return { fields: {}, form: errorMessage(error) };
}
