import type { Patient } from '../model/types.js';
import type { PsaDoublingTimeChangeResult } from '../psa/psa-doubling-time-change.js';
import type { PsaResponseResult } from '../psa/psa-response.js';
import { coxRegression } from '../regression/cox-regression.js';
import { logisticRegression } from '../regression/logistic-regression.js';
import { RegressionError } from '../regression/regression-error.js';
import type { EndpointRecord } from '../survival/endpoint-data.js';
import type { PredictorRow } from './trial-report.js';

/** One candidate predictor: its name, its label with the unit of its ratio, and its value. */
interface Predictor {
  readonly variable: string;
  readonly label: string;
  readonly value: (i: number) => number | undefined;
}

/** The baseline variables the section models, each read per patient (undefined: missing). */
function predictors(
  cohort: readonly Patient[],
  responses: readonly PsaResponseResult[],
  changes: readonly PsaDoublingTimeChangeResult[],
): Predictor[] {
  const psa = (i: number) => responses[i]!.landmark.baseline?.value;
  return [
    {
      variable: 'psaAtSurgery',
      label: 'PSA at sLND (per doubling)',
      // log2: a ratio per doubling of the PSA; a PSA of 0 has no logarithm (missing).
      value: (i) => {
        const v = psa(i);
        return v === undefined || v <= 0 ? undefined : Math.log2(v);
      },
    },
    {
      variable: 'preSurgeryDoublingTime',
      label: 'PSA doubling time before sLND (per month)',
      value: (i) => changes[i]!.pre.doublingTimeMonths ?? undefined,
    },
    {
      variable: 'isupGradeGroup',
      label: 'ISUP grade group (per group)',
      value: (i) => cohort[i]!.isupGradeGroup,
    },
    {
      variable: 'imagingPositiveNodes',
      label: 'Nodes positive on imaging (per node)',
      value: (i) => cohort[i]!.imaging?.positiveNodes,
    },
    {
      variable: 'nodesPositive',
      label: 'Nodes positive in histology (per node)',
      value: (i) => cohort[i]!.nodesPositive,
    },
    {
      variable: 'priorSalvageRadiotherapy',
      label: 'Salvage radiotherapy before sLND (yes vs no)',
      value: (i) => {
        const v = cohort[i]!.priorSalvageRadiotherapy;
        return v === undefined ? undefined : v ? 1 : 0;
      },
    },
  ];
}

/** A model the data cannot support, as a row that says why. */
function notFitted(
  base: Omit<PredictorRow, 'estimate' | 'lower' | 'upper' | 'pValue' | 'reason'>,
  reason: string,
): PredictorRow {
  return { ...base, estimate: null, lower: null, upper: null, pValue: null, reason };
}

/** Fits one univariable model, turning a `RegressionError` into a row with its reason. */
function fitted(
  base: Omit<PredictorRow, 'estimate' | 'lower' | 'upper' | 'pValue' | 'reason'>,
  model: () => {
    estimate: number | null;
    lower: number | null;
    upper: number | null;
    pValue: number;
    converged: boolean;
    iterations: number;
  },
): PredictorRow {
  if (base.n < 2) return notFitted(base, 'fewer than 2 patients with the variable');
  if (base.events === 0) return notFitted(base, 'no events among the patients with the variable');
  try {
    const { estimate, lower, upper, pValue, converged, iterations } = model();
    // Estimates of a fit that ran out of iterations are its last step, not the maximum.
    if (!converged) {
      return notFitted(base, `the model did not converge in ${iterations} iterations`);
    }
    return { ...base, estimate, lower, upper, pValue, reason: null };
  } catch (error) {
    if (error instanceof RegressionError) return notFitted(base, error.message);
    throw error;
  }
}

/**
 * The exploratory predictors: univariable Cox models (Efron ties, as `coxph`) of castration
 * resistance and of distant metastasis on each baseline variable present, and univariable
 * logistic models (Firth's penalised likelihood, as `logistf`: the samples are small) of a
 * complete response at 6 weeks, each over the patients with the variable recorded. Ratios are
 * per unit of the variable as its label says (PSA per doubling: log2). A variable no patient
 * has is left out; a model the data cannot support (no variance, no events, separation)
 * is listed with its reason, and so is one that did not converge. Hypothesis-generating: no correction for multiplicity.
 */
export function predictorsSection(
  cohort: readonly Patient[],
  responses: readonly PsaResponseResult[],
  changes: readonly PsaDoublingTimeChangeResult[],
  timeToEvent: readonly { readonly label: string; readonly records: readonly EndpointRecord[] }[],
): PredictorRow[] {
  const index = new Map(cohort.map((p, i) => [p.id, i]));
  const rows: PredictorRow[] = [];
  for (const predictor of predictors(cohort, responses, changes)) {
    if (!cohort.some((_, i) => predictor.value(i) !== undefined)) continue;
    for (const { label, records } of timeToEvent) {
      const kept = records.flatMap((r) => {
        const x = predictor.value(index.get(r.patientId)!);
        return x === undefined ? [] : [{ time: r.time, event: r.event, x }];
      });
      const base = {
        endpoint: label,
        model: 'cox' as const,
        variable: predictor.variable,
        label: predictor.label,
        n: kept.length,
        events: kept.filter((r) => r.event === 1).length,
      };
      rows.push(
        fitted(base, () => {
          const fit = coxRegression({
            time: kept.map((r) => r.time),
            event: kept.map((r) => r.event),
            covariates: { [predictor.variable]: kept.map((r) => r.x) },
          });
          const c = fit.coefficients[0]!;
          return {
            estimate: c.hazardRatio,
            lower: c.lower,
            upper: c.upper,
            pValue: c.pValue,
            converged: fit.converged,
            iterations: fit.iterations,
          };
        }),
      );
    }
    rows.push(responseModel(predictor, responses));
  }
  return rows;
}

/** Firth logistic regression of a complete response at 6 weeks on one predictor. */
function responseModel(
  predictor: Predictor,
  responses: readonly PsaResponseResult[],
): PredictorRow {
  const kept = responses.flatMap((r, i) => {
    const x = predictor.value(i);
    return x === undefined || r.completeResponse === null
      ? []
      : [{ outcome: r.completeResponse ? 1 : 0, x }];
  });
  const base = {
    endpoint: 'Complete biochemical response at 6 weeks',
    model: 'logistic' as const,
    variable: predictor.variable,
    label: predictor.label,
    n: kept.length,
    events: kept.filter((r) => r.outcome === 1).length,
  };
  return fitted(base, () => {
    const fit = logisticRegression(
      {
        outcome: kept.map((r) => r.outcome),
        covariates: { [predictor.variable]: kept.map((r) => r.x) },
      },
      { method: 'firth' },
    );
    const c = fit.coefficients[1]!;
    return {
      estimate: c.oddsRatio,
      lower: c.lower,
      upper: c.upper,
      pValue: c.pValue,
      converged: fit.converged,
      iterations: fit.iterations,
    };
  });
}
