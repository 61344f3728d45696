import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { jsonDuplicateKeys } from '../../src/input/json-duplicate-keys.js';
import { mayHaveDuplicateKeys } from '../../src/input/json-may-have-duplicate-keys.js';
import { PARAMS } from '../properties/_config.js';

const check = (text: string) => mayHaveDuplicateKeys(text, JSON.parse(text));

describe('mayHaveDuplicateKeys', () => {
  it('is false without duplicates, colons in strings and keys included', () => {
    expect(check('{"a":1,"b":[{"c":"x:y","d:e":"::"}],"f":{}}')).toBe(false);
    expect(check('[1, "a:b", {"k": null}]')).toBe(false);
    expect(check('"just: a string"')).toBe(false);
    expect(check('{"a":"\\u003a","b":"\\u003A"}')).toBe(false);
  });

  it('is true whenever a key is written twice, whatever the strings hold', () => {
    expect(check('{"a":1,"a":2}')).toBe(true);
    expect(check('{"patients":[{"id":"x"}],"patients":[]}')).toBe(true);
    expect(check('{"a":"x:y","a":"z"}')).toBe(true);
    expect(check('{"x":[{"v":-5,"v":1.2}]}')).toBe(true);
    // An escaped colon cannot hide a duplicate.
    expect(check('{"a":"\\u003a","a":"\\u003a"}')).toBe(true);
    expect(check('{"\\u0061":1,"a":2}')).toBe(true);
  });

  it('errs only towards a scan: an escaped backslash before u003a', () => {
    // "\\u003a" is a backslash then u003a, no colon: counted once too many, so a scan decides.
    expect(check('{"a":"\\\\u003a"}')).toBe(true);
    expect(jsonDuplicateKeys('{"a":"\\\\u003a"}').total).toBe(0);
  });

  test.prop(
    [fc.json({ maxDepth: 4 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 })],
    PARAMS,
  )('agrees with the scanner: false only when the scanner finds no duplicate', (json, keys) => {
    // Random JSON, then the same with an object whose keys may repeat, written by hand.
    const members = keys.map((k, i) => `${JSON.stringify(k)}:${i}`).join(',');
    for (const text of [json, `{"x":${json},${members === '' ? '"y":0' : members}}`]) {
      const duplicates = jsonDuplicateKeys(text).total;
      if (!check(text)) expect(duplicates).toBe(0);
      else if (duplicates === 0) expect(text).toMatch(/\\\\u003|\\\\\\\\/);
    }
  });
});
