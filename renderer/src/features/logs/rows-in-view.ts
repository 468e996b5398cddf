import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export const LOG_ROW_HEIGHT = 18;
/**
 * The tallest the list's sizer gets. Browsers cap an element's height (Chromium near 33.5 million px,
 * Firefox near 17.9 million), which would leave the end of a long log out of reach: past this the
 * scrollbar stands for the whole log at a scale, and rows are placed relative to the view.
 */
export const MAX_SIZER_HEIGHT = 15_000_000;

/** How a log of `count` rows maps onto its scrolling element. */
export interface ScrollScale {
  /** The sizer's height in pixels. */
  height: number;
  /** Log pixels per scrolled pixel: 1 until the log is taller than MAX_SIZER_HEIGHT. */
  ratio: number;
}

export function scrollScale(count: number, viewHeight: number): ScrollScale {
  const full = count * LOG_ROW_HEIGHT;
  if (full <= MAX_SIZER_HEIGHT) return { height: full, ratio: 1 };
  return { height: MAX_SIZER_HEIGHT, ratio: (full - viewHeight) / (MAX_SIZER_HEIGHT - viewHeight) };
}

/** Where a row is drawn inside the sizer, so that the row at the view's place shows in it. */
export function rowTop(index: number, scrollTop: number, scale: ScrollScale): number {
  return index * LOG_ROW_HEIGHT - scrollTop * (scale.ratio - 1);
}

/** The scrollTop that puts a row at the middle of the view. */
export function scrollTopCentring(index: number, viewHeight: number, scale: ScrollScale): number {
  return ((index + 0.5) * LOG_ROW_HEIGHT - viewHeight / 2) / scale.ratio;
}

/** Where a view of a log is: the rows [first, end) wholly or partly in it, and what places them. */
export interface ViewPlace {
  first: number;
  end: number;
  /** The scrollTop that `rowTop` places rows by; 0 while the scale is 1, where rows do not move with it. */
  top: number;
  /** The view's height in pixels. */
  height: number;
}

export function placeAt(scrollTop: number, height: number, count: number): ViewPlace {
  const ratio = scrollScale(count, height).ratio;
  const top = scrollTop * ratio;
  return { first: Math.floor(top / LOG_ROW_HEIGHT), end: Math.ceil((top + height) / LOG_ROW_HEIGHT), top: ratio > 1 ? scrollTop : 0, height };
}

/** The place of a view scrolled to the end, where following keeps it: known without measuring. */
export function placeAtBottom(count: number, height: number): ViewPlace {
  return placeAt(Math.max(0, scrollScale(count, height).height - height), height, count);
}

/** The list indices [first, end) of the rows wholly or partly in view, in a log of `count` rows. */
export function rowsInView(element: HTMLElement | null, count: number): [number, number] {
  if (!element) return [0, 0];
  const { first, end } = placeAt(element.scrollTop, element.clientHeight, count);
  return [first, end];
}

const samePlace = (a: ViewPlace, b: ViewPlace) => a.first === b.first && a.end === b.end && a.top === b.top && a.height === b.height;

/**
 * The place of the view, kept as the element scrolls and resizes. Rows have one fixed height, so this is
 * arithmetic on scrollTop: nothing is measured, and a list of a million rows costs what its view does.
 * `update` is for whoever moves scrollTop and wants the rows of the new place in the same frame.
 */
export function useRowsInView(scrollRef: RefObject<HTMLElement | null>, count: number) {
  const [place, setPlace] = useState<ViewPlace>({ first: 0, end: 0, top: 0, height: 0 });
  // Read when measuring, so that `update` (and the observer) stay the same as lines come.
  const counted = useRef(count);
  useLayoutEffect(() => void (counted.current = count), [count]);
  const update = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const next = placeAt(element.scrollTop, element.clientHeight, counted.current);
    setPlace((current) => (samePlace(current, next) ? current : next));
  }, [scrollRef]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    update();
    const resized = new ResizeObserver(update);
    resized.observe(element);
    return () => resized.disconnect();
  }, [scrollRef, update]);

  return { place, update };
}
