import type { EntrySummary } from '../../../../electron/contract';
import { joinPath, parentOf } from '../../stores/files-store';

/** Why a name cannot be one entry's name (or, with `allowPath`, a path in the project), checked as it is typed. */
export function nameProblem(name: string, allowPath = false): string | undefined {
  if (name.trim() === '') return 'Give it a name';
  if (name.includes('\\')) return 'A name cannot contain \\';
  if (!allowPath && name.includes('/')) return 'A name cannot contain /';
  const parts = name.replace(/^\//, '').split('/');
  if (parts.some((part) => part === '')) return 'A path cannot have an empty part';
  const dots = parts.find((part) => part === '.' || part === '..');
  if (dots) return `'${dots}' is not a name`;
  return undefined;
}

/** Where a rename goes: a plain name stays in the entry's folder; a path with / is from the project folder. */
export function renameTarget(from: string, typed: string): string {
  return typed.includes('/') ? typed.replace(/^\//, '') : joinPath(parentOf(from), typed);
}

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

/** What a folder's delete takes with it, in words. */
export function contentsInWords(summary: EntrySummary): string {
  const counted = [plural(summary.files, 'file'), plural(summary.folders, 'folder')].join(' and ');
  return summary.partial ? `at least ${counted}` : counted;
}
