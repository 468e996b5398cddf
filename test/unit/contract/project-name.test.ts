import { describe, expect, it } from 'vitest';
import { PROJECT_NAME_RULE, ProjectName } from '../../../electron/contract';

describe('ProjectName', () => {
  it.each(['quickstart', 'my_project-2', 'v1.0', 'A'.repeat(255)])('accepts %s', (name) => {
    expect(ProjectName.safeParse(name).success).toBe(true);
  });

  it.each(['', '.', '..', 'a/b', '../up', 'with space', 'é', 'a\\b', 'A'.repeat(256)])('refuses %j with the rule', (name) => {
    const result = ProjectName.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(PROJECT_NAME_RULE);
  });
});
