import type { DragEvent } from 'react';
import { FILE_DRAG_TYPE } from './file-drag';

/** The project's files beside the graph; one dropped on the graph becomes a step for it. */
export function ProjectFileList({ files }: { files: readonly string[] }) {
  const start = (event: DragEvent, path: string) => {
    event.dataTransfer.setData(FILE_DRAG_TYPE, path);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="project-file-list" aria-label="Project files">
      <h4 className="project-file-list__title">Files</h4>
      {files.length === 0 ? (
        <p className="muted">No files yet.</p>
      ) : (
        <ul>
          {files.map((path) => (
            <li key={path} draggable onDragStart={(event) => start(event, path)} title={`Drag ${path} onto the graph to make a step of it`}>
              {path}
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
