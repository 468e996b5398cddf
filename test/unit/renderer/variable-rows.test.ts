import { describe, expect, it } from 'vitest';
import { BridgeRequestError, NUL_REFUSED, PATH_REFUSED, PROTO_REFUSED, VARIABLE_NAME_RULE } from '../../../electron/contract';
import { placeSaveError } from '../../../renderer/src/features/variables/place-save-error';
import { validateVariableRows } from '../../../renderer/src/features/variables/validate-variable-rows';
import { rowsFrom, rowsToVariables, variablesDirty } from '../../../renderer/src/features/variables/variable-rows';

const row = (name: string, value = 'v') => ({ name, value });

describe('validateVariableRows', () => {
  it('passes good names, and ignores rows left blank', () => {
    expect(validateVariableRows([row('API_TOKEN'), row('db-url'), row('1st'), row('', '')])).toEqual({});
  });

  it('names the host rule for a bad name, PATH and __proto__, on their rows', () => {
    expect(validateVariableRows([row('OK'), row('MY VAR'), row('a.b')])).toEqual({ 1: VARIABLE_NAME_RULE, 2: VARIABLE_NAME_RULE });
    expect(validateVariableRows([row('PATH')])).toEqual({ 0: PATH_REFUSED });
    expect(validateVariableRows([row('__proto__')])).toEqual({ 0: PROTO_REFUSED });
  });

  it('wants a name for a value, and each name once', () => {
    expect(validateVariableRows([row('', 'secret')])).toEqual({ 0: 'Give the variable a name' });
    expect(validateVariableRows([row('A'), row('B'), row('A', 'other')])).toEqual({ 2: 'A is listed twice' });
  });

  it('refuses NUL in a value, and allows an empty value', () => {
    expect(validateVariableRows([row('A', 'x\0y')])).toEqual({ 0: NUL_REFUSED });
    expect(validateVariableRows([row('A', '')])).toEqual({});
  });
});

describe('rows and sets', () => {
  it('turn a set into rows by name and back, blank rows dropped', () => {
    const rows = rowsFrom({ B: '2', A: '1' });
    expect(rows).toEqual([row('A', '1'), row('B', '2')]);
    expect(rowsToVariables([...rows, row('', '')])).toEqual({ A: '1', B: '2' });
  });
});

describe('variablesDirty', () => {
  const saved = { A: '1', B: '2' };

  it('is clean for the saved set in any order, with blank rows', () => {
    expect(variablesDirty([row('B', '2'), row('A', '1'), row('', '')], saved)).toBe(false);
    expect(variablesDirty([], {})).toBe(false);
  });

  it('is dirty for a changed value, a renamed, added or removed variable', () => {
    expect(variablesDirty([row('A', '1'), row('B', '3')], saved)).toBe(true);
    expect(variablesDirty([row('A', '1'), row('C', '2')], saved)).toBe(true);
    expect(variablesDirty([row('A', '1'), row('B', '2'), row('C', '')], saved)).toBe(true);
    expect(variablesDirty([row('A', '1')], saved)).toBe(true);
  });

  it('is dirty for a repeated name, even when the count matches', () => {
    expect(variablesDirty([row('A', '1'), row('A', '1')], saved)).toBe(true);
  });

  it('does not take an inherited object key for a saved variable', () => {
    expect(variablesDirty([row('toString', '1')], { other: '1' })).toBe(true);
  });
});

describe('placeSaveError', () => {
  const rows = [row('GOOD'), row('BAD NAME')];

  it('puts the host error for variables.<NAME> on that row, without the field prefix', () => {
    const error = new BridgeRequestError({ code: 'INVALID_INPUT', field: 'variables.BAD NAME', message: `variables.BAD NAME: ${VARIABLE_NAME_RULE}` });
    expect(placeSaveError(error, rows)).toEqual({ rows: { 1: VARIABLE_NAME_RULE }, form: undefined });
  });

  it('puts any other error under the form', () => {
    const error = new BridgeRequestError({ code: 'SECRETS_UNAVAILABLE', message: 'The variables file is locked' });
    expect(placeSaveError(error, rows)).toEqual({ rows: {}, form: 'The variables file is locked' });
    expect(placeSaveError(new Error('gone'), rows).form).toBe('gone');
  });
});
