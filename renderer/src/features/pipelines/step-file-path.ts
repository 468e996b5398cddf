/** A project file's path as a step names it: relative to the pipeline file's folder (`../lib/a.py` when above it). */
export function pathFromPipeline(pipelinePath: string, projectPath: string): string {
  const from = folderParts(pipelinePath);
  const to = projectPath.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** A step's file path as a project path, or undefined when it leaves the project or is under /data. */
export function pathInProject(pipelinePath: string, filePath: string): string | undefined {
  if (filePath.startsWith('/')) return undefined;
  const parts = folderParts(pipelinePath);
  for (const part of filePath.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** A step title from a file name: `load_data.py` -> `load data`. */
export function titleFromFile(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).replace(/[_-]+/g, ' ').trim() || name;
}

function folderParts(pipelinePath: string): string[] {
  return pipelinePath.split('/').filter(Boolean).slice(0, -1);
}
