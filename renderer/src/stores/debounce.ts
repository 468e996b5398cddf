export interface Debounced {
  (): void;
  cancel(): void;
}

/** Runs `fn` once, `ms` after the last call: a burst of events becomes one re-fetch. */
export function debounce(fn: () => void, ms: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}
