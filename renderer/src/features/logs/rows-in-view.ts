import { useCallback, useEffect, useState, type RefObject } from 'react';

export const LOG_ROW_HEIGHT = 18;

/** The list indices [first, end) of the rows wholly or partly in view. */
export function rowsInView(element: HTMLElement | null): [number, number] {
  if (!element) return [0, 0];
  const first = Math.floor(element.scrollTop / LOG_ROW_HEIGHT);
  return [first, Math.ceil((element.scrollTop + element.clientHeight) / LOG_ROW_HEIGHT)];
}

/**
 * The rows in view, kept as the element scrolls and resizes. Rows have one fixed height, so this is
 * arithmetic on scrollTop: nothing is measured, and a list of a million rows costs what its view does.
 * `update` is for whoever moves scrollTop and wants the rows of the new place in the same frame.
 */
export function useRowsInView(scrollRef: RefObject<HTMLElement | null>) {
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const update = useCallback(() => {
    const [first, end] = rowsInView(scrollRef.current);
    setRange((current) => (current[0] === first && current[1] === end ? current : [first, end]));
  }, [scrollRef]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    update();
    const resized = new ResizeObserver(update);
    resized.observe(element);
    return () => resized.disconnect();
  }, [scrollRef, update]);

  return { range, update };
}
