import { describe, expect, it } from 'vitest';
import { PATH_REFUSED, VARIABLE_NAME_RULE, VariableName } from '../../../electron/contract';

describe('VariableName', () => {
  it.each(['A', 'my_var', 'with-dash', '0_LEADING_DIGIT', 'path', 'PATH_EXTRA'])('accepts %s', (name) => {
    expect(VariableName.safeParse(name).success).toBe(true);
  });

  it.each(['', 'MY VAR', 'a.b', 'a=b', 'é', '$HOME', 'a\nb'])('refuses %j with the rule', (name) => {
    expect(VariableName.safeParse(name).error?.issues[0]?.message).toBe(VARIABLE_NAME_RULE);
  });

  it('refuses PATH, whose changes Orchest ignores', () => {
    expect(VariableName.safeParse('PATH').error?.issues[0]?.message).toBe(PATH_REFUSED);
  });
});
