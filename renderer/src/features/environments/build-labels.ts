import type { BuildPhase, EnvironmentBuild } from '../../../../electron/contract';
import { STATUS_TONES, type SessionLabel } from '../sessions/session-labels';

export function buildStatusLabel(build: EnvironmentBuild | undefined): SessionLabel {
  return build ? { tone: STATUS_TONES[build.status], text: build.status } : { tone: 'neutral', text: 'Not built' };
}

/** Orchest's phases of a build, in their order, as its log named them. */
export const PHASES: readonly { phase: BuildPhase; label: string }[] = [
  { phase: 'pulling', label: 'Pulling the base image' },
  { phase: 'copying', label: 'Copying the project' },
  { phase: 'setup', label: 'Running the set-up script' },
  { phase: 'storing', label: 'Storing the image' },
  { phase: 'done', label: 'Done' },
];

export function phaseLabel(phase: BuildPhase): string {
  return PHASES.find((p) => p.phase === phase)?.label ?? 'Waiting to start';
}

/** The phase under way, or where a failed or cancelled build stopped. */
export function buildPhaseText(build: EnvironmentBuild): string {
  const label = phaseLabel(build.phase);
  const stopped = build.status === 'FAILURE' || build.status === 'ABORTED';
  return stopped && build.phase !== 'done' ? `Stopped while ${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;
}

export type PhaseState = 'done' | 'current' | 'failed' | 'todo';

/** Where one phase stands in the build: passed, under way (or where it stopped), or still to come. */
export function phaseState(build: EnvironmentBuild, phase: BuildPhase): PhaseState {
  const at = PHASES.findIndex((p) => p.phase === build.phase);
  const index = PHASES.findIndex((p) => p.phase === phase);
  if (build.status === 'SUCCESS' || index < at) return 'done';
  if (index > at) return 'todo';
  return build.status === 'FAILURE' || build.status === 'ABORTED' ? 'failed' : 'current';
}

export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** `4.2 s`, `3 min 5 s`; empty while it has not ended. */
export function formatDuration(build: EnvironmentBuild): string {
  if (build.endedAt === undefined) return '';
  const ms = build.endedAt - (build.startedAt ?? build.requestedAt);
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}
