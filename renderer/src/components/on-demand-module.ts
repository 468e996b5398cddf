import { useEffect, useState } from 'react';

export interface OnDemandModule<T> {
  /** Starts loading (once); for a screen that will soon need it. */
  preload(): Promise<T>;
  /** The module once loaded, undefined until then (loading starts); re-renders when it arrives. */
  useModule(): T | undefined;
}

/**
 * A module split from the first chunk, loaded when first wanted. Unlike React.lazy it renders at once when
 * the module is already there, and arrives without Suspense, whose reveal React holds back by up to 300 ms.
 */
export function onDemandModule<T>(load: () => Promise<T>): OnDemandModule<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = undefined; // a chunk that failed to come (the host restarted) is asked for again next time
        throw error;
      },
    ));
  function useModule(): T | undefined {
    const [module, setModule] = useState(loaded);
    useEffect(() => {
      if (module) return;
      let current = true;
      preload().then(
        (arrived) => current && setModule(() => arrived),
        () => undefined,
      );
      return () => void (current = false);
    }, [module]);
    return module ?? loaded;
  }
  return { preload, useModule };
}

/**
 * Loads the module once the page is idle (or after `timeoutMs` at the latest), for a screen whose next step
 * is likely to need it: the load then neither delays this screen nor waits for the click.
 */
export function usePreloadWhenIdle(module: Pick<OnDemandModule<unknown>, 'preload'>, enabled = true, timeoutMs = 2000): void {
  useEffect(() => {
    if (!enabled) return;
    const start = () => void module.preload().catch(() => undefined); // shown where the module is used
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(start, 200);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(start, { timeout: timeoutMs });
    return () => cancelIdleCallback(idle);
  }, [module, enabled, timeoutMs]);
}
