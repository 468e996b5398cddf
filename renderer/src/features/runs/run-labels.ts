import type { RunStatus } from '../../../../electron/contract';
import type { SessionLabel, SessionTone } from '../sessions/session-labels';

const RUN_TONES: Record<RunStatus, SessionTone> = {
  PENDING: 'busy',
  STARTED: 'busy',
  SUCCESS: 'ok',
  FAILURE: 'error',
  ABORTED: 'warn',
};

/** The run's pill in the pipeline's header, e.g. "Run: STARTED", in the session pill's tones. */
export function runStatusLabel(status: RunStatus): SessionLabel {
  return { tone: RUN_TONES[status], text: `Run: ${status}` };
}
