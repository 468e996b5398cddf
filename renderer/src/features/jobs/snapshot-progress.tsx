import type { JobSnapshotProgress } from '../../../../electron/contract';
import { formatSize } from '../files/format-size';

/** The copy of the project while Start takes the snapshot. */
export function SnapshotProgress({ progress }: { progress: JobSnapshotProgress }) {
  if (progress.phase === 'done') return null;
  const text =
    progress.phase === 'measuring'
      ? 'Measuring the project…'
      : `Copying the project: ${progress.files.toLocaleString()} of ${progress.totalFiles.toLocaleString()} files (${formatSize(progress.bytes)} of ${formatSize(progress.totalBytes)})`;
  return (
    <div className="job-progress" data-testid="snapshot-progress">
      <span aria-live="polite">{text}</span>
      <progress
        className="job-progress__bar"
        aria-label="Snapshot copied"
        max={progress.totalBytes || 1}
        value={progress.phase === 'measuring' ? undefined : progress.bytes}
      />
    </div>
  );
}
