import { existsSync } from 'node:fs';
import path from 'node:path';

/** Orchest's real files live in ../shared beside the project (CI has it; a user's clone may not). */
export const ORCHEST_FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/orchest');
/** For `describeNeeding` / `itNeeding` (machine-needs.ts). */
export const missingOrchestFixtures = existsSync(ORCHEST_FIXTURES)
  ? undefined
  : `Orchest's real project files are not at ${ORCHEST_FIXTURES}: put the shared folder (fixtures/orchest) beside the project, as CI has it`;
