import type { JobPreview } from '../../../../electron/contract';
import { Icon } from '../../components/icon';
import { formatSize } from '../files/format-size';

/** What Start would copy now; a warning above 50 MB, as Orchest gave. */
export function SnapshotSize({ snapshot }: { snapshot: JobPreview['snapshot'] }) {
  const text = `Start copies the project: ${snapshot.files.toLocaleString()} files, ${formatSize(snapshot.bytes)}.`;
  if (!snapshot.large) return <p className="muted" data-testid="snapshot-size">{text}</p>;
  return (
    <p className="notice notice--warning" data-testid="snapshot-size">
      <Icon name="alert" />
      <span className="notice__text">
        {text}
        <span>
          That is more than 50 MB: every run gets its own copy. Leave data out of the project (or name it in <code>.gitignore</code>) to
          keep jobs quick.
        </span>
      </span>
    </p>
  );
}
