import { describe, expect, it } from 'vitest';
import { complicationSummary as plainSummary } from '../../src/complications/complication-summary.js';
import { evaluateStoppingRule as plainEvaluate } from '../../src/monitoring/evaluate-stopping-rule.js';
import { JUPYTER_DISPLAY } from '../../src/notebook/attach-display.js';
import {
  buildTrialReport,
  complicationSummary,
  evaluateStoppingRule,
  kaplanMeier,
  logRank,
} from '../../src/notebook/index.js';
import { buildTrialReport as plainReport } from '../../src/report/build-trial-report.js';
import { kaplanMeier as plainKaplanMeier } from '../../src/survival/kaplan-meier.js';
import { logRank as plainLogRank } from '../../src/survival/log-rank.js';
import { exampleCohort } from '../_helpers/example-cohort.js';

const input = { time: [5, 8, 12, 20, 30, 31], event: [1, 0, 1, 1, 0, 1] };

describe('notebook-ready results', () => {
  it('kaplanMeier: the plain fit plus an SVG curve in its Jupyter bundle', () => {
    const fit = kaplanMeier(input);
    expect(JSON.stringify(fit)).toBe(JSON.stringify(plainKaplanMeier(input)));
    const bundle = fit[JUPYTER_DISPLAY]();
    expect(Object.keys(bundle)).toEqual(['text/plain', 'text/html', 'image/svg+xml']);
    expect(bundle['image/svg+xml']).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(bundle['text/plain']).toContain('n = 6, events = 4');
    expect(fit.toHTML()).toContain('<table>');
    expect(fit.toMarkdown()).toContain('| time | n.risk |');
  });

  it('logRank: the table R prints', () => {
    const rows = { ...input, group: ['a', 'b', 'a', 'b', 'a', 'b'] };
    const test = logRank(rows);
    expect(JSON.stringify(test)).toBe(JSON.stringify(plainLogRank(rows)));
    expect(test.toHTML()).toContain('<th>group</th>');
    expect(test[JUPYTER_DISPLAY]()['text/plain']).toMatch(
      /^Chisq = \d+\.\d{3} on 1 degrees of freedom/,
    );
  });

  it('complicationSummary, evaluateStoppingRule and the report keep their plain data', () => {
    const patients = exampleCohort();
    const summary = complicationSummary(patients);
    expect(JSON.stringify(summary)).toBe(JSON.stringify(plainSummary(patients)));
    expect(summary.toMarkdown()).toContain('| Major (IIIa-V) |');

    const rule = { looks: [5, 10], maxAllowed: [1, 2] };
    const outcomes = [true, false, true, false, false, true];
    const evaluation = evaluateStoppingRule(rule, outcomes);
    expect(JSON.stringify(evaluation)).toBe(JSON.stringify(plainEvaluate(rule, outcomes)));
    expect(evaluation.toSVG?.()).toMatch(/^<svg/);
    expect(evaluation[JUPYTER_DISPLAY]()['text/plain']).toMatch(/^(Stop|Continue)/);

    const report = buildTrialReport(patients);
    expect(JSON.stringify(report)).toBe(JSON.stringify(plainReport(patients)));
    expect(report.toHTML().match(/<svg /g)).toHaveLength(14);
  });

  it('the notebook entry exports the main entry with these five in place of the plain ones', async () => {
    const main = await import('../../src/index.js');
    const notebook = await import('../../src/notebook/index.js');
    const displayed = [
      'buildTrialReport',
      'complicationSummary',
      'evaluateStoppingRule',
      'kaplanMeier',
      'logRank',
    ];
    expect(notebook.kaplanMeier).toBe(kaplanMeier);
    expect(notebook.logRank).toBe(logRank);
    expect(notebook.complicationSummary).toBe(complicationSummary);
    expect(notebook.evaluateStoppingRule).toBe(evaluateStoppingRule);
    expect(notebook.buildTrialReport).toBe(buildTrialReport);
    // Every other name of the main entry is the same binding here.
    for (const [name, value] of Object.entries(main)) {
      if (displayed.includes(name)) expect(value, name).not.toBe(notebook[name as 'VERSION']);
      else expect(notebook[name as 'VERSION'], name).toBe(value);
    }
    // The main entry's results are plain data with no display members.
    expect(main.kaplanMeier).toBe(plainKaplanMeier);
    expect(JUPYTER_DISPLAY in main.kaplanMeier(input)).toBe(false);
    expect(typeof notebook.reportToHtml).toBe('function');
    expect('reportToHtml' in main).toBe(false);
  });
});
