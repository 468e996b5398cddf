import { describe, expect, it } from 'vitest';
import {
  APP_STOPPED_REASON,
  assertJobMove,
  assertRunMove,
  canEditJob,
  canMoveJob,
  canMoveRun,
  canPauseJob,
  canRunNow,
  isJobFinished,
  oneOffJobStatus,
  runAfterAbort,
  runAfterAppStart,
} from '../../../../electron/core/jobs/job-states';

describe('job states', () => {
  it('moves a job as Orchest did: Start from DRAFT, pause only when live, nothing after an end', () => {
    expect(canMoveJob('DRAFT', 'STARTED')).toBe(true);
    expect(canMoveJob('DRAFT', 'PENDING')).toBe(true);
    expect(canMoveJob('DRAFT', 'SUCCESS')).toBe(false);
    expect(canMoveJob('PENDING', 'STARTED')).toBe(true);
    expect(canMoveJob('STARTED', 'PAUSED')).toBe(true);
    expect(canMoveJob('PAUSED', 'STARTED')).toBe(true);
    expect(canMoveJob('PAUSED', 'SUCCESS')).toBe(false);
    expect(canMoveJob('STARTED', 'DRAFT')).toBe(false);
    for (const end of ['SUCCESS', 'FAILURE', 'ABORTED'] as const) {
      expect(isJobFinished(end)).toBe(true);
      expect(canMoveJob(end, 'STARTED')).toBe(false);
    }
  });

  it('refuses a move the rules do not allow, saying which', () => {
    expect(() => assertJobMove('SUCCESS', 'STARTED')).toThrow(expect.objectContaining({ code: 'CONFLICT', message: 'A job that is SUCCESS cannot become STARTED' }));
    expect(() => assertRunMove('ABORTED', 'SUCCESS')).toThrow('A run that is ABORTED cannot become SUCCESS');
    expect(() => assertJobMove('DRAFT', 'PENDING')).not.toThrow();
  });

  it('moves a run forward only', () => {
    expect(canMoveRun('PENDING', 'STARTED')).toBe(true);
    expect(canMoveRun('PENDING', 'ABORTED')).toBe(true);
    expect(canMoveRun('PENDING', 'SUCCESS')).toBe(false);
    expect(canMoveRun('STARTED', 'FAILURE')).toBe(true);
    expect(canMoveRun('SUCCESS', 'ABORTED')).toBe(false);
    expect(canMoveRun('ABORTED', 'STARTED')).toBe(false);
  });

  it('edits a draft or a live cron job; pauses and runs now only cron jobs', () => {
    expect(canEditJob('DRAFT', false)).toBe(true);
    expect(canEditJob('STARTED', false)).toBe(false);
    expect(canEditJob('PAUSED', true)).toBe(true);
    expect(canEditJob('ABORTED', true)).toBe(false);
    expect(canPauseJob('STARTED', true)).toBe(true);
    expect(canPauseJob('STARTED', false)).toBe(false);
    expect(canPauseJob('PAUSED', true)).toBe(false);
    expect(canRunNow('PAUSED', true)).toBe(true);
    expect(canRunNow('STARTED', false)).toBe(false);
    expect(canRunNow('ABORTED', true)).toBe(false);
  });

  it('ends a one-off job when its runs end: FAILURE when any failed, else SUCCESS', () => {
    expect(oneOffJobStatus('STARTED', [{ status: 'SUCCESS' }, { status: 'STARTED' }])).toBe('STARTED');
    expect(oneOffJobStatus('STARTED', [{ status: 'SUCCESS' }, { status: 'PENDING' }])).toBe('STARTED');
    expect(oneOffJobStatus('STARTED', [{ status: 'SUCCESS' }, { status: 'SUCCESS' }])).toBe('SUCCESS');
    expect(oneOffJobStatus('STARTED', [{ status: 'SUCCESS' }, { status: 'FAILURE' }])).toBe('FAILURE');
    // One run cancelled by hand does not fail the job; every run cancelled aborts it.
    expect(oneOffJobStatus('STARTED', [{ status: 'SUCCESS' }, { status: 'ABORTED' }])).toBe('SUCCESS');
    expect(oneOffJobStatus('STARTED', [{ status: 'ABORTED' }, { status: 'ABORTED' }])).toBe('ABORTED');
    // A run cut off by the app stopping did not do its work.
    expect(oneOffJobStatus('STARTED', [{ status: 'SUCCESS' }, { status: 'ABORTED', reason: APP_STOPPED_REASON }])).toBe('FAILURE');
    expect(oneOffJobStatus('ABORTED', [{ status: 'SUCCESS' }])).toBe('ABORTED');
    expect(oneOffJobStatus('STARTED', [])).toBe('STARTED');
  });

  it('abort marks pending and going runs ABORTED and leaves finished ones', () => {
    expect(runAfterAbort('PENDING')).toBe('ABORTED');
    expect(runAfterAbort('STARTED')).toBe('ABORTED');
    expect(runAfterAbort('SUCCESS')).toBe('SUCCESS');
    expect(runAfterAbort('FAILURE')).toBe('FAILURE');
  });

  it('at app start a run that was going is ABORTED because the app stopped; a pending one waits on', () => {
    expect(runAfterAppStart('STARTED')).toEqual({ status: 'ABORTED', reason: 'the app stopped' });
    expect(runAfterAppStart('PENDING')).toEqual({ status: 'PENDING' });
    expect(runAfterAppStart('SUCCESS')).toEqual({ status: 'SUCCESS' });
  });
});
