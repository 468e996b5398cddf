import { ENGINE_PROBLEM_TITLES, type EngineStatus } from '../../../../electron/contract';

/** The same tones as StatusPill's, kept here so this pure module needs no component. */
export type EngineTone = 'ok' | 'error' | 'neutral';

export interface EngineLabel {
  tone: EngineTone;
  text: string;
  /** More detail on hover: the engine's platform and where it was looked for. */
  title: string | undefined;
}

export interface EngineFacts {
  status: EngineStatus | undefined;
  /** The bridge failed to answer engine.status. */
  error: string | undefined;
  /** The page lost its connection: what it last heard may be stale. */
  disconnected: boolean;
}

export function engineLabel({ status, error, disconnected }: EngineFacts): EngineLabel {
  if (disconnected) return { tone: 'neutral', text: 'Docker status unknown', title: 'Not connected to Orchest Desktop' };
  if (error && !status) return { tone: 'error', text: `Docker status unknown: ${error}`, title: undefined };
  if (!status) return { tone: 'neutral', text: 'Checking Docker…', title: undefined };
  if (status.reachable) {
    return {
      tone: 'ok',
      text: `Docker ${status.version}`,
      title: `${status.os}, API ${status.apiVersion}, at ${status.host}`,
    };
  }
  const text = ENGINE_PROBLEM_TITLES[status.problem];
  return { tone: 'error', text, title: `${text}: ${status.reason} (looked for it at ${status.host})` };
}

