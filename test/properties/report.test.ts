import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { addDaysIso } from '../../src/model/iso-date.js';
import { validateCohort } from '../../src/model/validate-cohort.js';
import { reportToHtml } from '../../src/render/report-html.js';
import { reportToMarkdown } from '../../src/render/report-markdown.js';
import { reportSummary } from '../../src/render/report-summary.js';
import { buildTrialReport } from '../../src/report/build-trial-report.js';
import { nonFinitePaths, PARAMS, TIMEOUT } from './_config.js';
import { extremeCohort } from './_extreme-cohort.js';

/** Paths of every undefined value (JSON.stringify would drop the key silently). */
function undefinedPaths(value: unknown, path = '$'): string[] {
  if (value === undefined) return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => undefinedPaths(v, `${path}.${k}`));
}

/** Words a rendering must never show: a number that is not one, or a value that is missing. */
const BROKEN = /\bNaN\b|Infinity|undefined|\[object Object\]/;

const reportOptions = fc.record(
  {
    asOfDay: fc.integer({ min: -30, max: 3200 }),
    rule: fc.constantFrom('pocock:0.1,0.3,5', 'obf:0.05,0.25,12', 'bayes:0.3,0.9,8'),
    castrationResistance: fc.constantFrom<'recorded' | 'derived'>('recorded', 'derived'),
    castrationResistanceDefinition: fc.constantFrom<'eau' | 'pcwg3'>('eau', 'pcwg3'),
  },
  { requiredKeys: [] },
);

describe('the report on random valid cohorts with extreme values', () => {
  test.prop([extremeCohort, reportOptions], { ...PARAMS, numRuns: 1000 })(
    'builds and renders with no crash and no NaN, Infinity or undefined in JSON, Markdown, HTML or the summary',
    (patients, o) => {
      const validated = validateCohort(patients);
      if (!validated.ok) expect.fail(JSON.stringify(validated.issues.slice(0, 3)));
      const report = buildTrialReport(validated.patients, {
        ...(o.asOfDay === undefined ? {} : { asOf: addDaysIso('2020-01-01', o.asOfDay) }),
        ...(o.rule === undefined ? {} : { rule: o.rule }),
        ...(o.castrationResistance === undefined
          ? {}
          : { castrationResistance: o.castrationResistance }),
        ...(o.castrationResistanceDefinition === undefined
          ? {}
          : { castrationResistanceDefinition: o.castrationResistanceDefinition }),
      });
      expect(nonFinitePaths(report)).toEqual([]);
      expect(undefinedPaths(report)).toEqual([]);
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
      for (const [name, text] of [
        ['report.md', reportToMarkdown(report)],
        ['report.html', reportToHtml(report)],
        ['summary', reportSummary(report)],
      ] as const) {
        const broken = BROKEN.exec(text);
        if (broken !== null) {
          expect.fail(
            `${name}: "${text.slice(Math.max(0, broken.index - 80), broken.index + 40)}"`,
          );
        }
      }
    },
    TIMEOUT * 3,
  );
});
