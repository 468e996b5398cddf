import { existsSync } from 'node:fs';
import path from 'node:path';

/** Orchest's real files live in ../shared beside the project (CI has it; a user's clone may not). */
export const ORCHEST_FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/orchest');
export const hasOrchestFixtures = existsSync(ORCHEST_FIXTURES);
if (!hasOrchestFixtures) {
  console.warn(`Skipping the Orchest compatibility tests: ${ORCHEST_FIXTURES} is not here (it is beside the project in CI).`);
}
