import type { ComplicationSummary } from '../complications/complication-summary.js';
import type { IsoDate } from '../model/types.js';
import type { OperatingCharacteristics } from '../monitoring/boundary-operating-characteristics.js';
import type { SafetyMonitorResult } from '../monitoring/safety-monitor.js';
import type { CastrationResistanceDefinition } from '../psa/detect-castration-resistance.js';
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

/** One setting the analysis used, and whether the user gave it or it defaulted. */
export interface ReportSetting {
  /** The option's name on the command line, e.g. `rule`, `as-of`. */
  readonly name: string;
  readonly value: string;
  /** True when the user did not give it and the default was used. */
  readonly defaulted: boolean;
  /** What it decides, in words. */
  readonly description: string;
}

/**
 * A Kaplan-Meier estimate at a landmark time, as `summary(fit, times, extend = TRUE)`, except
 * that it is not estimable (survival, stdErr and limits null) when no patient is at risk there
 * and the curve has not reached 0: nobody was followed that long, and R's extension of the last
 * value would show a number the data do not support.
 */
export interface LandmarkSurvival extends Omit<SurvivalAtRow, 'survival'> {
  readonly survival: number | null;
  /** False when no patient was followed to `time` (see above). */
  readonly estimable: boolean;
}

/** A cumulative incidence at a landmark time (null parts when not estimable). */
export interface LandmarkIncidence {
  readonly time: number;
  /** Patients followed to `time` or beyond. */
  readonly nRisk: number;
  readonly estimate: number | null;
  readonly stdErr: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** False when no patient was followed to `time` and some outcome is still unknown. */
  readonly estimable: boolean;
}

/**
 * The cumulative incidence of an endpoint with death as a competing event (Aalen-Johansen; R:
 * `cmprsk::cuminc`), at 1 and 2 years with log(-log) intervals (`cumulativeIncidenceAt`).
 */
export interface CompetingRiskReport {
  /** Events of the endpoint within 2 years. */
  readonly events: number;
  /** Deaths without the endpoint within 2 years: the competing events. */
  readonly competingDeaths: number;
  readonly at: readonly LandmarkIncidence[];
}

/** The Kaplan-Meier analysis of one time-to-event endpoint (times in days from sLND). */
export interface EndpointReport {
  readonly endpoint: Endpoint;
  /** The endpoint named by what it counts and what it censors. */
  readonly label: string;
  /** What is an event and what is censored, in one or two sentences. */
  readonly definition: string;
  readonly n: number;
  readonly events: number;
  readonly fit: KaplanMeierFit;
  /** Survival at 365 and 730 days (see {@link LandmarkSurvival}). */
  readonly at: readonly LandmarkSurvival[];
  readonly median: SurvivalQuantile;
  /** Numbers at risk at 0, 183, 365, 548 and 730 days (0 to 24 months). */
  readonly riskTable: readonly RiskTableRow[];
  /** With death as a competing event; null for endpoints that count death as an event. */
  readonly competingRisk: CompetingRiskReport | null;
}

/** A patient whose recorded castration-resistance date and the date from the labs disagree. */
export interface CastrationResistanceDiscrepancy {
  readonly patientId: string;
  /** As recorded (`castrationResistanceDate`); null when none is. */
  readonly recordedDate: IsoDate | null;
  /** The date the patient's PSA and testosterone first meet the definition; null when never. */
  readonly derivedDate: IsoDate | null;
  /** derived - recorded in days; null when one of them is missing. */
  readonly differenceDays: number | null;
}

/** How castration resistance was dated, and where the records and the labs disagree. */
export interface CastrationResistanceReport {
  /** `recorded`: the dates as recorded; `derived`: from each patient's PSA and testosterone. */
  readonly source: 'recorded' | 'derived';
  /** The definition the labs are checked against (`detectCastrationResistance`). */
  readonly definition: CastrationResistanceDefinition;
  /** The definition in words, with its source. */
  readonly description: string;
  /** Disagreements by more than 30 days, or a date on one side only. */
  readonly discrepancies: readonly CastrationResistanceDiscrepancy[];
}

/** A patient without a 6-week PSA response, and why. */
export interface NotEvaluablePatient {
  readonly patientId: string;
  readonly reason: string;
}

/** Everything `slnd-stats report` shows, as plain data (every number in the report). */
export interface TrialReport {
  readonly title: string;
  readonly libraryVersion: string;
  /** The data cut: nothing dated later is used. */
  readonly asOf: IsoDate;
  /** Set by the node layer: the input's path and SHA-256 (null when built from memory). */
  readonly source: { readonly path: string; readonly sha256: string } | null;
  /** Every setting the analysis used, given or defaulted. */
  readonly settings: readonly ReportSetting[];
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
    /** True when no rule was given and the default (`DEFAULT_STOPPING_RULE`) was applied. */
    readonly ruleIsDefault: boolean;
    readonly description: string;
    readonly looks: readonly number[];
    readonly maxAllowed: readonly number[];
    readonly operatingCharacteristics: OperatingCharacteristics;
    readonly monitor: SafetyMonitorResult;
    /** Cumulative events after each evaluable patient, in order of entry. */
    readonly path: readonly { readonly patients: number; readonly events: number }[];
    /**
     * Evaluable patients beyond the rule's last look (its planned maximum): the rule says
     * nothing about them.
     */
    readonly beyondRule: number;
  };
  readonly psaLandmark: {
    readonly days: number;
    readonly toleranceDays: number;
    readonly evaluable: number;
    readonly notEvaluable: readonly NotEvaluablePatient[];
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
  readonly castrationResistance: CastrationResistanceReport;
  readonly survival: readonly EndpointReport[];
  /** One paragraph per method, naming its R equivalent. */
  readonly methods: readonly string[];
}
