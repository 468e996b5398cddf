import { z } from 'zod';
import { ok } from './request-helpers';
import { FileEntry, ProjectId, RelativePath } from './schemas';

/** Text files larger than this are not opened in the editor (files.read refuses them with FILE_TOO_BIG). */
export const TEXT_FILE_LIMIT = 5 * 1024 * 1024;
/** files.download sends the bytes through the bridge, so it stops at a size a page holds comfortably. */
export const DOWNLOAD_LIMIT = 50 * 1024 * 1024;

const oneEntry = z.object({ projectId: ProjectId, path: RelativePath }).strict();

/** A file as opened for editing: its text and the revision (hash of its bytes) a save must name. */
export const TextFile = z.object({ content: z.string(), revision: z.string(), size: z.number().int().nonnegative() });
export type TextFile = z.infer<typeof TextFile>;

/** What a delete would take away: shown in its confirmation. */
export const EntrySummary = z.object({
  kind: FileEntry.shape.kind,
  /** Files (and links) inside a folder, all levels down; 1 for a file. */
  files: z.number().int().nonnegative(),
  folders: z.number().int().nonnegative(),
  /** True when the count stopped early (a huge folder): the numbers are a floor. */
  partial: z.boolean(),
});
export type EntrySummary = z.infer<typeof EntrySummary>;

export const fileRequests = {
  'files.createFile': { input: oneEntry, output: FileEntry },
  'files.createFolder': { input: oneEntry, output: FileEntry },
  /** Renames or moves a file or folder; the target must not exist. */
  'files.move': {
    input: z.object({ projectId: ProjectId, from: RelativePath, to: RelativePath }).strict(),
    output: FileEntry,
  },
  'files.describe': { input: oneEntry, output: EntrySummary },
  /** To the system's trash in the desktop app (`trashed: true`), for good in the headless host. */
  'files.delete': { input: oneEntry, output: z.object({ trashed: z.boolean() }) },
  /** FILE_TOO_BIG past TEXT_FILE_LIMIT, FILE_NOT_TEXT for binary files. */
  'files.read': { input: oneEntry, output: TextFile },
  /** CONFLICT when the file's bytes are no longer `revision`, unless `overwrite`. */
  'files.write': {
    input: oneEntry.extend({
      content: z.string().max(TEXT_FILE_LIMIT, 'The text is too long to save here'),
      revision: z.string(),
      overwrite: z.boolean().optional(),
    }),
    output: TextFile.omit({ content: true }),
  },
  /** The file's bytes, base64, up to DOWNLOAD_LIMIT. */
  'files.download': {
    input: oneEntry,
    output: z.object({ name: z.string(), size: z.number().int().nonnegative(), base64: z.string() }),
  },
  /** Desktop app only: opens the file with the system's application for its type. */
  'files.openWithSystem': { input: oneEntry, output: ok },
} as const;
