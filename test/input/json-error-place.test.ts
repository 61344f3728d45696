import { describe, expect, it } from 'vitest';
import { jsonErrorPlace } from '../../src/input/json-error-place.js';

const placeOf = (text: string) => {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonErrorPlace(text, (error as Error).message);
  }
  throw new Error('expected invalid JSON');
};

describe('jsonErrorPlace', () => {
  it('places a trailing comma, NaN, single quotes and a truncated text', () => {
    expect(placeOf('{\n  "a": [1,\n  ]\n}')).toEqual({ line: 3, column: 3 });
    expect(placeOf('{"a": NaN}')).toEqual({ line: 1, column: 7 });
    expect(placeOf("{\n'a': 1}")).toEqual({ line: 2, column: 1 });
    expect(placeOf('{"a": [1, 2')).toEqual({ line: 1, column: 12 });
  });

  it('reads the place from the message when the engine gives one', () => {
    expect(jsonErrorPlace('{}', 'Unexpected token (line 4 column 9)')).toEqual({
      line: 4,
      column: 9,
    });
    expect(jsonErrorPlace('ab\ncd', 'Unexpected token at position 4')).toEqual({
      line: 2,
      column: 2,
    });
  });

  it('scans deep nesting without recursion', () => {
    expect(placeOf(`${'['.repeat(100_000)}1${']'.repeat(99_999)}`)).toEqual({
      line: 1,
      column: 200_001,
    });
  });
});
