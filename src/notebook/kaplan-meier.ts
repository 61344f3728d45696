import { kaplanMeierPlot } from '../plot/kaplan-meier-plot.js';
import { fixed } from '../render/format.js';
import type { Block } from '../render/report-document.js';
import { blocksToHtml } from '../render/report-html.js';
import { blocksToMarkdown } from '../render/report-markdown.js';
import {
  type KaplanMeierFit,
  type KaplanMeierOptions,
  kaplanMeier as kaplanMeierData,
  type SurvivalInput,
} from '../survival/kaplan-meier.js';
import { survivalQuantile } from '../survival/survival-quantile.js';
import { attachDisplay, type DisplayableWithSvg } from './attach-display.js';

/** Rows shown in a fit's table before it is cut (the data keep every row). */
const SHOWN_ROWS = 25;

function blocks(fit: KaplanMeierFit): Block[] {
  const median = fit.n > 0 ? survivalQuantile(fit, 0.5) : null;
  const rows = fit.time
    .slice(0, SHOWN_ROWS)
    .map((t, i) => [
      String(t),
      String(fit.nRisk[i]),
      String(fit.nEvent[i]),
      fixed(fit.survival[i], 4),
      fixed(fit.lower[i], 4),
      fixed(fit.upper[i], 4),
    ]);
  const out: Block[] = [
    {
      kind: 'paragraph',
      text: `Kaplan-Meier fit: n = ${fit.n}, events = ${fit.events}, median ${fixed(median?.estimate, 1)} (${Math.round(fit.confLevel * 100)}% CI ${fixed(median?.lower, 1)} to ${fixed(median?.upper, 1)}), ${fit.confType} intervals.`,
    },
    {
      kind: 'table',
      header: ['time', 'n.risk', 'n.event', 'survival', 'lower', 'upper'],
      numeric: [0, 1, 2, 3, 4, 5],
      rows,
    },
  ];
  if (fit.time.length > SHOWN_ROWS) {
    out.push({ kind: 'paragraph', text: `... ${fit.time.length - SHOWN_ROWS} more rows.` });
  }
  return out;
}

/** The curve over the fit's own time range (its times are taken as days). */
function svg(fit: KaplanMeierFit): string {
  const last = fit.time[fit.time.length - 1] ?? 1;
  return kaplanMeierPlot(fit, {
    timeUnit: 'days',
    maxTime: last > 0 ? last : 1,
    xLabel: 'Time (days)',
    idPrefix: 'km',
  });
}

/**
 * `kaplanMeier` from `src/survival` with notebook display attached:
 * the same plain-data fit (identical keys and JSON), plus non-enumerable `toHTML()`,
 * `toMarkdown()`, `toSVG()` (the curve) and `[Symbol.for('Jupyter.display')]()`, which Deno's
 * Jupyter kernel renders as the curve and a table.
 *
 * The estimator is R's `survfit`: see `docs/survival.md` for every rule.
 *
 * @param input - rows `{ time, event }` or columns `{ time, event }`.
 * @param options - `confLevel` (0.95) and `confType` (`'log'`).
 * @throws {TypeError|RangeError} as the estimator (a negative or non-finite time names its index).
 * @example
 * const fit = kaplanMeier({ time: [5, 8, 12], event: [1, 0, 1] });
 * fit.toSVG(); // '<svg xmlns="http://www.w3.org/2000/svg" ...'
 */
export function kaplanMeier(
  input: SurvivalInput,
  options: KaplanMeierOptions = {},
): KaplanMeierFit & DisplayableWithSvg {
  const fit = kaplanMeierData(input, options);
  return attachDisplay(fit, {
    text: () => (blocks(fit)[0] as { text: string }).text,
    html: () => `${blocksToHtml(blocks(fit))}\n${svg(fit)}`,
    markdown: () => blocksToMarkdown(blocks(fit)),
    svg: () => svg(fit),
  }) as KaplanMeierFit & DisplayableWithSvg;
}
