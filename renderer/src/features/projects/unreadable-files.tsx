import { Icon } from '../../components/icon';

export interface UnreadableFile {
  path: string;
  error: string;
}

/** Files that were found but not understood, each with the reason (e.g. a JSON error and its line). */
export interface UnreadableFilesProps {
  title: string;
  files: UnreadableFile[];
  testId: string;
  /** Where a file's own page is, when it has one. */
  href?: (path: string) => string;
}

export function UnreadableFiles({ title, files, testId, href }: UnreadableFilesProps) {
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
            {href ? (
              <a href={href(file.path)}>
                <code>{file.path}</code>
              </a>
            ) : (
              <code>{file.path}</code>
            )}
            <span className="unreadable__error">{file.error}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
