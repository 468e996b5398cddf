export interface ValueTableProps {
  label: string;
  values: unknown;
  /** Readable names for known keys; others show as written in the file. */
  labels?: Record<string, string>;
  empty: string;
}

/** An object's keys and values, values as JSON (parameters may hold any JSON). */
export function ValueTable({ label, values, labels = {}, empty }: ValueTableProps) {
  const entries = typeof values === 'object' && values !== null && !Array.isArray(values) ? Object.entries(values) : [];
  if (entries.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="kv" aria-label={label}>
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{labels[key] ?? <code>{key}</code>}</th>
            <td>
              <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
