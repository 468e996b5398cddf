const PATH_RULE = 'A relative path ending in .orchest, e.g. analysis.orchest or pipelines/train.orchest';

/** The file name Orchest would suggest for a new pipeline's name: lower case, "_" for other characters. */
export function suggestedPipelinePath(name: string): string {
  const stem = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `${stem || 'pipeline'}.orchest`;
}

/** Why a typed pipeline path cannot be used, or undefined. */
export function pipelinePathError(path: string): string | undefined {
  if (path === '') return undefined;
  const parts = path.split('/');
  if (!path.endsWith('.orchest') || parts.at(-1) === '.orchest' || path.startsWith('/') || path.includes('\\')) return PATH_RULE;
  if (parts.some((part) => part === '' || part === '.' || part === '..')) return PATH_RULE;
  return undefined;
}

/** Orchest's rule for a pipeline name: required, at most 255 characters. */
export function pipelineNameError(name: string): string | undefined {
  if (name.length > 255) return 'A pipeline name has at most 255 characters';
  return undefined;
}
