import { useState } from 'react';
import type { Variables } from '../../../../electron/contract';
import { RevealButton } from '../../components/reveal-button';

export interface InheritedVariablesProps {
  project: Variables;
  /** The names the pipeline sets itself, as typed so far. */
  overridden: ReadonlySet<string>;
}

/** The project's variables a pipeline inherits, each marked when the pipeline overrides it. */
export function InheritedVariables({ project, overridden }: InheritedVariablesProps) {
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const names = Object.keys(project).sort();
  const toggle = (name: string) =>
    setShown((before) => (before.has(name) ? new Set([...before].filter((n) => n !== name)) : new Set([...before, name])));

  return (
    <section className="variables__inherited" aria-labelledby="inherited-variables-title">
      <h3 id="inherited-variables-title" className="field__label">
        From the project
      </h3>
      {names.length === 0 ? (
        <p className="field__hint">The project has no variables; set them in the project's Variables tab.</p>
      ) : (
        <table className="table" aria-label="Inherited project variables">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">In this pipeline</th>
            </tr>
          </thead>
          <tbody>
            {names.map((name) => {
              const over = overridden.has(name);
              return (
                <tr key={name} className={over ? 'variables__overridden' : undefined}>
                  <td>
                    <code>{name}</code>
                  </td>
                  <td>
                    <span className="variables__value">
                      <code className="variables__secret">{shown.has(name) ? project[name] : '••••••••'}</code>
                      <RevealButton label={`Show project value of ${name}`} shown={shown.has(name)} onToggle={() => toggle(name)} />
                    </span>
                  </td>
                  <td>{over ? <span className="tag tag--warn">overridden</span> : <span className="muted">inherited</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
