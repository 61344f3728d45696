import type { ComplicationSummary } from '../complications/complication-summary.js';
import type { IsoDate } from '../model/types.js';
import type { OperatingCharacteristics } from '../monitoring/boundary-operating-characteristics.js';
import type { SafetyMonitorResult } from '../monitoring/safety-monitor.js';
import type { PsaDoublingTimeChangeCategory } from '../psa/psa-doubling-time-change.js';
import type { PsaDoublingTimeComparison } from '../psa/psa-doubling-time-comparison.js';
import type { Endpoint } from '../survival/endpoint-data.js';
import type { KaplanMeierFit } from '../survival/kaplan-meier.js';
import type { RiskTableRow } from '../survival/risk-table.js';
import type { SurvivalAtRow } from '../survival/survival-at.js';
import type { SurvivalQuantile } from '../survival/survival-quantile.js';

/** A count out of a denominator with its exact (Clopper-Pearson) 95% interval. */
export interface Proportion {
  readonly count: number;
  readonly n: number;
  /** null when n = 0. */
  readonly rate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** An estimate with its 95% confidence interval; null parts where undefined (R's NA). */
export interface Estimate {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** One patient set aside by `--exclude-invalid`, with every reason. */
export interface ExcludedPatient {
  readonly patientId: string | null;
  readonly reasons: readonly string[];
}

/** One bar of the PSA waterfall. */
export interface WaterfallBar {
  readonly id: string;
  readonly percentChange: number;
  /** The landmark PSA was undetectable: the change is a bound. */
  readonly undetectable: boolean;
}

/** The Kaplan-Meier analysis of one time-to-event endpoint (times in days from sLND). */
export interface EndpointReport {
  readonly endpoint: Endpoint;
  readonly label: string;
  readonly n: number;
  readonly events: number;
  readonly fit: KaplanMeierFit;
  /** Survival at 365 and 730 days, as `summary(fit, times = c(365, 730), extend = TRUE)`. */
  readonly at: readonly SurvivalAtRow[];
  readonly median: SurvivalQuantile;
  /** Numbers at risk at 0, 183, 365, 548 and 730 days (0 to 24 months). */
  readonly riskTable: readonly RiskTableRow[];
}

/** Everything `slnd-stats report` shows, as plain data (every number in the report). */
export interface TrialReport {
  readonly title: string;
  readonly libraryVersion: string;
  /** The data cut: nothing dated later is used. */
  readonly asOf: IsoDate;
  /** Set by the node layer: the input's path and SHA-256 (null when built from memory). */
  readonly source: { readonly path: string; readonly sha256: string } | null;
  readonly excluded: readonly ExcludedPatient[];
  readonly cohort: {
    readonly n: number;
    readonly firstSurgery: IsoDate | null;
    readonly lastSurgery: IsoDate | null;
    readonly notYetOperated: readonly string[];
    /** Reverse Kaplan-Meier median follow-up in months, with its 95% CI. */
    readonly medianFollowUpMonths: Estimate;
    readonly deaths: number;
  };
  readonly complications: ComplicationSummary;
  readonly safety: {
    readonly rule: string;
    readonly description: string;
    readonly looks: readonly number[];
    readonly maxAllowed: readonly number[];
    readonly operatingCharacteristics: OperatingCharacteristics;
    readonly monitor: SafetyMonitorResult;
    /** Cumulative events after each evaluable patient, in order of entry. */
    readonly path: readonly { readonly patients: number; readonly events: number }[];
  };
  readonly psaLandmark: {
    readonly days: number;
    readonly toleranceDays: number;
    readonly evaluable: number;
    readonly notEvaluable: readonly string[];
    /** Median and quartiles of the landmark PSA (ng/mL; undetectable at its limit). */
    readonly median: number | null;
    readonly q1: number | null;
    readonly q3: number | null;
    readonly completeResponse: Proportion;
    readonly undetectable: Proportion;
    readonly waterfall: readonly WaterfallBar[];
  };
  readonly psaDoublingTime: PsaDoublingTimeComparison & {
    readonly categories: Readonly<Record<PsaDoublingTimeChangeCategory, number>>;
  };
  readonly survival: readonly EndpointReport[];
  /** One paragraph per method, naming its R equivalent. */
  readonly methods: readonly string[];
}
