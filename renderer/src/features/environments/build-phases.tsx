import type { EnvironmentBuild } from '../../../../electron/contract';
import { PHASES, phaseState } from './build-labels';

/** Orchest's phases of the build, each marked passed, under way, failed or still to come. */
export function BuildPhases({ build }: { build: EnvironmentBuild }) {
  return (
    <ol className="build-phases" aria-label="Build phases" data-testid="build-phases">
      {PHASES.map(({ phase, label }) => {
        const state = phaseState(build, phase);
        return (
          <li key={phase} className={`build-phases__item build-phases__item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            {label}
          </li>
        );
      })}
    </ol>
  );
}
