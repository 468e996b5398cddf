/** The issues of the document that concern a step (`steps.<uuid>...`), by step uuid. */
export function stepIssues(issues: readonly { path: string; message: string }[]): Record<string, string[]> {
  const byStep: Record<string, string[]> = {};
  for (const issue of issues) {
    const match = /^steps\.([^.]+)/.exec(issue.path);
    if (match) (byStep[match[1]!] ??= []).push(issue.message);
  }
  return byStep;
}
