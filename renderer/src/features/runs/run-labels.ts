import type { RunStatus } from '../../../../electron/contract';
import { STATUS_TONES, type SessionLabel } from '../sessions/session-labels';

/** The run's pill in the pipeline's header, e.g. "Run: STARTED", in the session pill's tones. */
export function runStatusLabel(status: RunStatus): SessionLabel {
  return { tone: STATUS_TONES[status], text: `Run: ${status}` };
}
