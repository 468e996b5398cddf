/** A run's parameters: the pipeline's, then each step's by its title. */
export function RunParameters({ parameters, titles }: { parameters: Record<string, Record<string, unknown>>; titles: ReadonlyMap<string, string> }) {
  const rows = Object.entries(parameters).flatMap(([owner, values]) =>
    Object.entries(values).map(([name, value]) => ({
      key: `${owner}.${name}`,
      owner: owner === 'pipeline_parameters' ? 'Pipeline' : (titles.get(owner) ?? owner),
      name,
      value: JSON.stringify(value),
    })),
  );
  return (
    <section className="job-panel" aria-label="Parameters">
      <h3 className="job-panel__title">Parameters</h3>
      {rows.length === 0 ? (
        <p className="muted">This run has no parameters.</p>
      ) : (
        <table className="table table--compact" aria-label="Parameters of the run" data-testid="job-run-parameters">
          <thead>
            <tr>
              <th scope="col">Of</th>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <td>{row.owner}</td>
                <td>{row.name}</td>
                <td>
                  <code>{row.value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
