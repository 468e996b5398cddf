import ignore, { type Ignore } from 'ignore';
import path from 'node:path';

/** What a snapshot leaves out whatever `.gitignore` says: git's own folder and the pipelines' logs. */
const ALWAYS_LEFT_OUT = ['.git', '/.orchest/pipelines/*/logs/'];

interface Rules {
  /** The folder the rules are written for, relative to the project ('' for its root). */
  base: string;
  rules: Ignore;
}

/**
 * Which paths of a project a snapshot leaves out: what the `.gitignore` files name (each for its own
 * folder and below, the deepest one that has a say deciding, as git does) and ALWAYS_LEFT_OUT.
 */
export class SnapshotRules {
  private readonly stack: Rules[];

  private constructor(stack: Rules[]) {
    this.stack = stack;
  }

  static forProject(): SnapshotRules {
    return new SnapshotRules([{ base: '', rules: ignore().add(ALWAYS_LEFT_OUT) }]);
  }

  /** Copies nothing out: a run's copy of a snapshot takes all of it. */
  static none(): SnapshotRules {
    return new SnapshotRules([]);
  }

  /** The rules below `folder` (relative to the project), with that folder's `.gitignore` text if it has one. */
  within(folder: string, gitignore: string | undefined): SnapshotRules {
    if (gitignore === undefined || this.stack.length === 0) return this;
    return new SnapshotRules([...this.stack, { base: folder, rules: ignore().add(gitignore) }]);
  }

  /** `relative`: a path in the project with `/` separators. */
  leavesOut(relative: string, isFolder: boolean): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const { base, rules } = this.stack[i]!;
      const own = base === '' ? relative : path.posix.relative(base, relative);
      const result = rules.test(isFolder ? `${own}/` : own);
      if (result.ignored) return true;
      if (result.unignored) return false;
    }
    return false;
  }
}
