import { Icon } from '../../components/icon';

export interface UnreadableFile {
  path: string;
  error: string;
}

/** Files that were found but not understood, each with the reason (e.g. a JSON error and its line). */
export function UnreadableFiles({ title, files, testId }: { title: string; files: UnreadableFile[]; testId: string }) {
  if (files.length === 0) return null;
  return (
    <section className="unreadable" aria-label={title} data-testid={testId}>
      <h3 className="unreadable__title">
        <Icon name="alert" />
        {title}
      </h3>
      <ul className="unreadable__list">
        {files.map((file) => (
          <li key={file.path}>
            <code>{file.path}</code>
            <span className="unreadable__error">{file.error}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
