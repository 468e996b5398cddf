import { describe, expect, it } from 'vitest';
import { withSdkOnPythonPath } from '../../../../electron/core/sessions/python-path';

describe('withSdkOnPythonPath', () => {
  it("puts the SDK first, ahead of the container's own PYTHONPATH or else the image's", () => {
    expect(withSdkOnPythonPath(['A=1'])).toEqual(['A=1', 'PYTHONPATH=/orchest/sdk']);
    expect(withSdkOnPythonPath(['A=1'], ['PYTHONPATH=/opt/lib'])).toEqual(['A=1', 'PYTHONPATH=/orchest/sdk:/opt/lib']);
    expect(withSdkOnPythonPath(['PYTHONPATH=/mine', 'A=1'], ['PYTHONPATH=/opt/lib'])).toEqual(['A=1', 'PYTHONPATH=/orchest/sdk:/mine']);
  });
});
