import { useStore } from 'zustand';
import { ENGINE_PROBLEM_TITLES, type EngineStatus } from '../../../../electron/contract';
import { Button } from '../../components/button';
import { CopyButton } from '../../components/copy-button';
import { engineStore } from '../../stores/app-stores';

type DownStatus = Extract<EngineStatus, { reachable: false }>;

/**
 * The first screen's word on Docker: why it does not answer and what to do on this platform, until
 * it answers; then, once, that it does. Projects and files work either way.
 */
export function EngineSetup() {
  const status = useStore(engineStore, (s) => s.status);
  const seenDown = useStore(engineStore, (s) => s.seenDown);
  const checking = useStore(engineStore, (s) => s.checking);
  if (!status) return null;
  if (status.reachable) {
    if (!seenDown) return null;
    return (
      <section className="engine-setup engine-setup--ok" aria-label="Docker" data-testid="engine-setup" data-state="running">
        <h2 className="engine-setup__title">Docker {status.version} is running</h2>
        <p className="engine-setup__text">Sessions, environment builds and pipeline runs can start now.</p>
        <div className="engine-setup__actions">
          <Button size="small" onClick={() => engineStore.getState().dismissRecovery()}>
            Done
          </Button>
        </div>
      </section>
    );
  }
  return <EngineProblem status={status} checking={checking} />;
}

function EngineProblem({ status, checking }: { status: DownStatus; checking: boolean }) {
  return (
    <section className="engine-setup" aria-label="Docker" data-testid="engine-setup" data-state={status.problem}>
      <h2 className="engine-setup__title">{ENGINE_PROBLEM_TITLES[status.problem]}</h2>
      <p className="engine-setup__text">
        {capitalise(status.reason)} (looked for it at <code>{status.host}</code>).
      </p>
      <ol className="engine-setup__steps">
        {status.advice.map((step) => (
          <li key={step.text + (step.command ?? '')}>
            {step.text}
            {step.command && (
              <div className="engine-setup__command">
                <code>{step.command}</code>
                <CopyButton text={step.command} label={`Copy ${step.command}`}>
                  Copy
                </CopyButton>
              </div>
            )}
          </li>
        ))}
      </ol>
      <p className="engine-setup__text muted">
        This turns green by itself when Docker answers. Meanwhile projects, files, pipelines and environments can be
        edited.
      </p>
      <div className="engine-setup__actions">
        <Button size="small" onClick={() => void engineStore.getState().check(true)} disabled={checking} aria-busy={checking || undefined}>
          Check now
        </Button>
      </div>
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
