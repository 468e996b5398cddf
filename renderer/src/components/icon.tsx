/** Outline icons drawn on a 24-unit grid; circles are written as two arcs. */
const PATHS = {
  folder: ['M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z'],
  file: ['M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z', 'M14 3v5h5'],
  link: [
    'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1',
    'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  ],
  chevron: ['M9 6l6 6-6 6'],
  logs: ['M4 6h16', 'M4 10h16', 'M4 14h10', 'M4 18h13'],
  plus: ['M12 5v14', 'M5 12h14'],
  import: ['M12 3v12', 'M7 10l5 5 5-5', 'M5 21h14'],
  settings: [
    'M4 6h9', 'M17 6h3', 'M13 6a2 2 0 1 0 4 0a2 2 0 1 0-4 0',
    'M4 12h3', 'M11 12h9', 'M7 12a2 2 0 1 0 4 0a2 2 0 1 0-4 0',
    'M4 18h11', 'M19 18h1', 'M15 18a2 2 0 1 0 4 0a2 2 0 1 0-4 0',
  ],
  trash: ['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12', 'M9 7V4h6v3'],
  pipeline: [
    'M3 6a2 2 0 1 0 4 0a2 2 0 1 0-4 0', 'M17 6a2 2 0 1 0 4 0a2 2 0 1 0-4 0',
    'M10 18a2 2 0 1 0 4 0a2 2 0 1 0-4 0', 'M7 6h10', 'M6 8l5 8', 'M18 8l-5 8',
  ],
  box: ['M21 8l-9-5-9 5v8l9 5 9-5z', 'M3 8l9 5 9-5', 'M12 13v8'],
  alert: ['M12 9v4', 'M12 17h.01', 'M10.3 3.9L2 18a2 2 0 0 0 1.7 3h16.6a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z'],
  refresh: ['M20 11a8 8 0 1 0-2.3 5.7', 'M20 4v7h-7'],
  play: ['M8 5v14l11-7z'],
  stop: ['M7 7h10v10H7z'],
  lock: ['M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1z', 'M8 11V7a4 4 0 0 1 8 0v4'],
  eye: ['M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z', 'M9 12a3 3 0 1 0 6 0a3 3 0 1 0-6 0'],
  'eye-off': [
    'M3 3l18 18', 'M10.6 5.1A10.4 10.4 0 0 1 12 5c6.5 0 10 7 10 7a17.6 17.6 0 0 1-3.2 4.2',
    'M6.6 6.6C3.9 8.4 2 12 2 12s3.5 7 10 7a9.7 9.7 0 0 0 5.4-1.6', 'M9.9 9.9a3 3 0 0 0 4.2 4.2',
  ],
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg
      className={`icon icon--${name}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
