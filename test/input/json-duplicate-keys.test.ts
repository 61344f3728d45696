// Issue 11, item 9: JSON.parse keeps the last of two equal keys silently, so
// `{"patients": [...], "patients": []}` read as a valid cohort of no patients. The scanner
// finds every key written twice in one object, with its line, column and path.
import { describe, expect, it } from 'vitest';
import { jsonDuplicateKeys } from '../../src/input/json-duplicate-keys.js';

/** The scanner is only given text JSON.parse accepted: check that every input here is JSON. */
function scan(text: string, max?: number) {
  JSON.parse(text);
  return jsonDuplicateKeys(text, max);
}

describe('jsonDuplicateKeys', () => {
  it('finds a repeated root key, with both places', () => {
    const text = '{\n  "patients": [{"id": "P01"}],\n  "patients": []\n}';
    expect(scan(text)).toEqual({
      duplicates: [
        { key: 'patients', path: 'patients', line: 3, column: 3, firstLine: 2, firstColumn: 3 },
      ],
      total: 1,
    });
  });

  it('finds a repeated value hiding an invalid one, deep in the cohort', () => {
    const text =
      '{"patients": [{"id": "P01"}, {"id": "P02", "psa": [{}, {"value": -5, "value": 1.2}]}]}';
    const [d] = scan(text).duplicates;
    expect(d).toMatchObject({ key: 'value', path: 'patients[1].psa[1].value', line: 1 });
    expect(text.slice(d!.column - 1)).toMatch(/^"value": 1\.2/);
    expect(text.slice(d!.firstColumn - 1)).toMatch(/^"value": -5/);
  });

  it('compares keys as JSON.parse does, escapes decoded', () => {
    expect(scan('{"a": 1, "\\u0061": 2}').duplicates).toEqual([
      expect.objectContaining({ key: 'a', column: 10 }),
    ]);
    expect(scan('{"a\\"b": 1, "a\\u0022b": 2}').duplicates).toHaveLength(1);
  });

  it('does not confuse equal keys in different objects, or keys with values', () => {
    expect(scan('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": "a"}').total).toBe(0);
    expect(scan('[{"id": "x"}, {"id": "x"}]').total).toBe(0);
    expect(scan('{"k": "\\"k\\": 1, \\"k\\""}').total).toBe(0);
    expect(scan('"just a string"').total).toBe(0);
  });

  it('counts a key written three times twice, and each object on its own', () => {
    const r = scan('{"a":1,"a":2,"a":3,"b":{"c":1,"c":2}}');
    expect(r.total).toBe(3);
    expect(r.duplicates.map((d) => d.path)).toEqual(['a', 'a', 'b.c']);
  });

  it('names keys that are not identifiers quoted, escaped and cut in the path', () => {
    const [d] = scan('{"x y": {"\\u001b[2J": 1, "\\u001b[2J": 2}}').duplicates;
    expect(d!.path).toBe('["x y"]["\\u001b[2J"]');
  });

  it('returns at most `max` duplicates and counts them all', () => {
    const members = Array.from({ length: 1000 }, (_, i) => `"k": ${i}`).join(', ');
    const r = scan(`{${members}}`, 10);
    expect(r.duplicates).toHaveLength(10);
    expect(r.total).toBe(999);
  });

  it('survives 100,000 levels of nesting (no recursion)', () => {
    const depth = 100_000;
    const text = `${'{"a":'.repeat(depth)}{"b": 1, "b": 2}${'}'.repeat(depth)}`;
    const r = scan(text);
    expect(r.total).toBe(1);
    expect(r.duplicates[0]!.path).toBe(`${'a.'.repeat(depth)}b`);
  });

  it('counts lines across CRLF and places columns in UTF-16 units, like jsonErrorPlace', () => {
    const r = scan('{\r\n"é😀": 1,\r\n "é😀": 2}');
    expect(r.duplicates[0]).toMatchObject({ line: 3, column: 2, firstLine: 2, firstColumn: 1 });
  });

  it('scans a 20 MB cohort quickly', () => {
    const patient = JSON.stringify({
      id: 'P0001',
      surgeryDate: '2024-01-10',
      psa: Array.from({ length: 10 }, () => ({ date: '2024-01-02', value: 1.4 })),
      complications: [],
      lastFollowUpDate: '2025-06-01',
    });
    const text = `{"patients": [${Array.from({ length: 46_000 }, () => patient).join(',\n')}]}`;
    expect(text.length).toBeGreaterThan(20_000_000);
    const started = performance.now();
    expect(jsonDuplicateKeys(text).total).toBe(0);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
