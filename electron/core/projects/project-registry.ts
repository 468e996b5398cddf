import Conf from 'conf';
import { z } from 'zod';

/** Orchest kept project ids only in its database; we keep them beside the settings, with the folder's inode. */
const RegistryEntry = z.object({
  uuid: z.string().uuid(),
  path: z.string(),
  /** Device and inode of the folder (as strings: they may exceed 2^53), to follow a rename. */
  dev: z.string(),
  ino: z.string(),
  external: z.boolean(),
});
export type RegistryEntry = z.infer<typeof RegistryEntry>;
const RegistryFile = z.object({ projects: z.array(RegistryEntry) });

export class ProjectRegistry {
  private readonly store: Conf<{ projects: RegistryEntry[] }>;

  constructor(home: string) {
    this.store = new Conf<{ projects: RegistryEntry[] }>({
      cwd: home,
      configName: 'projects',
      defaults: { projects: [] },
    });
  }

  entries(): RegistryEntry[] {
    const parsed = RegistryFile.safeParse(this.store.store);
    return parsed.success ? parsed.data.projects : [];
  }

  replace(entries: RegistryEntry[]): void {
    this.store.set('projects', entries);
  }
}
