import { describe, expect, it } from 'vitest';
import { toOrchestJson, toPythonJsonLine } from '../../../../electron/core/pipelines/orchest-json';

describe('toOrchestJson', () => {
  it("writes as Python's json.dump(indent=4, sort_keys=True)", () => {
    expect(toOrchestJson({ b: [1, { d: 1, c: 'é' }], a: {} })).toBe(
      '{\n    "a": {},\n    "b": [\n        1,\n        {\n            "c": "\\u00e9",\n            "d": 1\n        }\n    ]\n}',
    );
  });
});

describe('toPythonJsonLine', () => {
  it("writes as Python's json.dumps", () => {
    expect(toPythonJsonLine({ name: 'Python 3', gpu_support: false })).toBe('{"name": "Python 3", "gpu_support": false}');
  });
});
