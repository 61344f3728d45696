import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as main from '../src/index.js';
import * as csv from '../src/input/index.js';
import * as node from '../src/node/index.js';

// The rules of docs/api-conventions.md that a program can check: the names of result fields, the
// validate/parse twins, nulls for empty input, and `options.x` in the errors about options.

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** `readonly name` declarations of interfaces outside `_internal/` folders, with where they are. */
function declaredFields(): { field: string; where: string }[] {
  return sources('src')
    .filter((file) => !file.includes('_internal'))
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => {
          const m = /^\s*readonly (\w+)\??:/.exec(line);
          return m === null ? [] : [{ field: m[1]!, where: `${file}:${i + 1}` }];
        }),
    );
}

describe('docs/api-conventions.md', () => {
  const fields = declaredFields();

  it('finds the declared fields it checks (the scan works)', () => {
    expect(fields.length).toBeGreaterThan(300);
    expect(fields.some((f) => f.field === 'patientId')).toBe(true);
  });

  it('names no field with a word the conventions replace', () => {
    // chiSquare -> statistic, rate -> estimate, p/pvalue -> pValue, and the
    // monitoring options' old names (pLow, pHigh, cP0, cP1, ngrid, niter, p0, p1, maxRate,
    // threshold).
    const replaced = new Set([
      'chiSquare',
      'rate',
      'p',
      'pvalue',
      'pLow',
      'pHigh',
      'cP0',
      'cP1',
      'ngrid',
      'niter',
      'p0',
      'p1',
      'maxRate',
      'threshold',
    ]);
    expect(fields.filter((f) => replaced.has(f.field))).toEqual([]);
  });

  it('says `patientId` for the patient of a row, `id` only for the key of a patient record', () => {
    // Patient.id and NotOperatedPatient.id are the model's keys (and the CSV's `id` column).
    const allowed = /^src\/(model\/types\.ts|input\/)/;
    expect(fields.filter((f) => f.field === 'id' && !allowed.test(f.where))).toEqual([]);
  });

  it('pairs every cohort reader: validateX returns a result, parseX throws', () => {
    const pairs = [
      [main.validateCohort, main.parseCohort],
      [csv.validateCohortCsv, csv.parseCohortCsv],
      [node.validateCohortFile, node.parseCohortFile],
    ] as const;
    for (const [validate, parse] of pairs) {
      expect(typeof validate).toBe('function');
      expect(typeof parse).toBe('function');
    }
    const exported = [...Object.keys(main), ...Object.keys(csv), ...Object.keys(node)];
    const parsers = exported.filter((name) => /^parseCohort/.test(name));
    for (const name of parsers) {
      expect(exported, `${name} has a validate twin`).toContain(name.replace(/^parse/, 'validate'));
    }
    const bad = { patients: [{ id: 'P1' }] };
    const result = main.validateCohort(bad);
    expect(result.ok).toBe(false);
    expect(() => main.parseCohort(bad)).toThrow(main.CohortValidationError);
  });

  it('gives nulls, not an error, for empty input', () => {
    const empty = main.kaplanMeier({ time: [], event: [] });
    expect(main.binomialConfidenceInterval(0, 0)).toMatchObject({
      estimate: null,
      lower: null,
      upper: null,
    });
    expect(main.survivalQuantile(empty, 0.5)).toEqual({ estimate: null, lower: null, upper: null });
    expect(main.survivalAt(empty, 365)[0]).toMatchObject({
      survival: null,
      lower: null,
      upper: null,
    });
    for (const row of main.complicationSummary([]).rows) {
      expect([row.estimate, row.lower, row.upper]).toEqual([null, null, null]);
    }
    expect(main.medianFollowUp({ time: [], event: [] })).toEqual({
      estimate: null,
      lower: null,
      upper: null,
    });
  });

  it('names an option as `options.name` in its error', () => {
    const cases: [string, () => unknown][] = [
      [
        'options.acceptableRate',
        () => main.toxicityBoundary({ acceptableRate: 2, unacceptableRate: 0.3, looks: [10] }),
      ],
      [
        'options.acceptableRate',
        () =>
          main.sprtBoundary({ acceptableRate: 2, unacceptableRate: 0.3, alpha: 0.05, beta: 0.2 }),
      ],
      [
        'options.nullRate',
        () => main.simonTwoStage({ nullRate: 2, targetRate: 0.3, alpha: 0.05, beta: 0.2 }),
      ],
      [
        'options.maxAcceptableRate',
        () =>
          main.bayesianToxicityBoundary({
            maxAcceptableRate: 2,
            posteriorThreshold: 0.9,
            looks: [10],
          }),
      ],
      ['options.confLevel', () => main.kaplanMeier({ time: [1], event: [1] }, { confLevel: 2 })],
      ['options.confLevel', () => main.binomialConfidenceInterval(1, 2, { confLevel: 2 })],
      ['options.windowDays', () => main.complicationSummary([], { windowDays: -1 })],
      [
        'options.landmarkDays',
        () =>
          main.psaAtLandmark(
            {
              id: 'P1',
              surgeryDate: '2024-01-10',
              psa: [],
              complications: [],
              lastFollowUpDate: '2024-06-01',
            },
            { landmarkDays: -1 },
          ),
      ],
    ];
    for (const [name, call] of cases) {
      expect(call, name).toThrow(new RegExp(name.replace('.', '\\.')));
    }
  });
});
