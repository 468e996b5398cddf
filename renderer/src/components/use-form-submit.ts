import { useState, type FormEvent } from 'react';
import { formErrors, type FormErrors } from '../bridge/request-error';

const NO_ERRORS: FormErrors = { fields: {}, form: undefined };

/**
 * The submit cycle of a form that sends one request: busy while it runs, and the host's error placed
 * next to the field it names (`fields`) or under the form.
 */
export function useFormSubmit(fields: readonly string[], action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [server, setServer] = useState(NO_ERRORS);

  const submit = async (event: FormEvent, ready = true) => {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setServer(formErrors(error, fields));
      setBusy(false);
    }
  };

  return { busy, server, clearServer: () => setServer(NO_ERRORS), submit };
}
