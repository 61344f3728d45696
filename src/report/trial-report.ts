import type { ComplicationSummary } from '../complications/complication-summary.js';
import type { CohortIssue } from '../errors.js';
import type { IsoDate } from '../model/types.js';
import type { OperatingCharacteristics } from '../monitoring/boundary-operating-characteristics.js';
import type { SafetyMonitorResult } from '../monitoring/safety-monitor.js';
import type { CastrationResistanceDefinition } from '../psa/detect-castration-resistance.js';
import type { PsaDoublingTimeChangeCategory } from '../psa/psa-doubling-time-change.js';
import type { PsaDoublingTimeComparison } from '../psa/psa-doubling-time-comparison.js';
import type { Estimate, Proportion } from '../stats/estimate.js';
import type { Endpoint } from '../survival/endpoint-data.js';
import type { KaplanMeierFit } from '../survival/kaplan-meier.js';
import type { RiskTableRow } from '../survival/risk-table.js';
import type { SurvivalAtRow } from '../survival/survival-at.js';

/** A reason and how many patients it applies to, in the patient flow. */
export interface FlowCount {
  readonly reason: string;
  readonly count: number;
}

/** One endpoint in the patient flow: patients analysed, and why the others are not. */
export interface FlowEndpoint {
  readonly endpoint: string;
  readonly evaluable: number;
  readonly excluded: readonly FlowCount[];
}

/** One row of the baseline table (Table 1), as `gtsummary::tbl_summary` shows it. */
export interface BaselineRow {
  /** The field (or derived value) the row summarises, e.g. `ageAtSurgery`. */
  readonly variable: string;
  readonly label: string;
  readonly type: 'continuous' | 'categorical';
  /** Patients with the variable recorded. */
  readonly n: number;
  /** Patients without it. */
  readonly missing: number;
  /** Continuous rows: median and quartiles (R's `quantile(type = 2)`); null without values. */
  readonly median?: number | null;
  readonly q1?: number | null;
  readonly q3?: number | null;
  /** Categorical rows: every level, its count and its percent of `n` (null when n = 0). */
  readonly levels?: readonly {
    readonly level: string;
    readonly count: number;
    readonly percent: number | null;
  }[];
}

/**
 * Follow-up completeness over the 2-year horizon (Clark, Altman & De Stavola, Lancet 2002): the
 * person-time observed over the person-time that could have been observed by the data cut.
 */
export interface FollowUpCompleteness {
  /** Days observed: sLND to the last follow-up or death, at most 730, summed over patients. */
  readonly observedDays: number;
  /**
   * Days that could have been observed: sLND to the data cut, or to death, at most 730, summed.
   */
  readonly potentialDays: number;
  /** observed / potential; null when nothing could have been observed (no patients). */
  readonly index: number | null;
}

/** One point of a patient's PSA curve, in months from the sLND. */
export interface TrajectoryPoint {
  readonly months: number;
  /** ng/mL; an undetectable value at its limit. */
  readonly value: number;
  readonly undetectable: boolean;
}

/** One patient's PSA series from the sLND on, with the ADT start. */
export interface PsaTrajectoryReport {
  readonly patientId: string;
  readonly points: readonly TrajectoryPoint[];
  /** Months from the sLND to the ADT start; null without ADT. */
  readonly adtStartMonths: number | null;
}

/** One patient's follow-up and events, in months from the sLND (the swimmer plot). */
export interface SwimmerLaneReport {
  readonly patientId: string;
  readonly followUpMonths: number;
  /** Alive at the last follow-up. */
  readonly ongoing: boolean;
  readonly events: readonly {
    readonly kind:
      | 'biochemical-recurrence'
      | 'adt-start'
      | 'castration-resistance'
      | 'distant-metastasis'
      | 'death';
    readonly months: number;
  }[];
}

/** One group of a comparison by 6-week response. */
export interface ResponseGroup {
  readonly group: 'complete response' | 'no complete response';
  readonly n: number;
  readonly events: number;
  readonly fit: KaplanMeierFit;
  /** At 365 and 730 days, with the report's not-estimable rule. */
  readonly at: readonly LandmarkSurvival[];
}

/** A registered time-to-event endpoint by the 6-week response, with the log-rank test. */
export interface ResponseComparison {
  readonly endpoint: Endpoint;
  readonly label: string;
  readonly groups: readonly ResponseGroup[];
  /** Two-group log-rank test (`survdiff`); null when a group is empty or no event occurred. */
  readonly test: {
    readonly statistic: number | null;
    readonly df: number;
    readonly pValue: number | null;
  } | null;
  /** Patients without an evaluable 6-week PSA: in neither group. */
  readonly notEvaluable: number;
}

/** One univariable model of the exploratory predictors section. */
export interface PredictorRow {
  readonly endpoint: string;
  readonly model: 'cox' | 'logistic';
  readonly variable: string;
  /** The variable and its unit in words, e.g. `PSA at sLND (per doubling)`. */
  readonly label: string;
  /** Patients with the variable recorded (the model's sample). */
  readonly n: number;
  /** Events among them (responders for the logistic model). */
  readonly events: number;
  /** Hazard ratio (Cox) or odds ratio (logistic); null when the model could not be fitted. */
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly pValue: number | null;
  /** Why there is no estimate; null when there is one. */
  readonly reason: string | null;
}

/** The most patients the report draws one by one (PSA trajectories, swimmer plot). */
export const INDIVIDUAL_PLOT_LIMIT = 200;

/**
 * The most operated patients for which the report fits the exploratory predictor models: a
 * trial's size. Firth's profile-likelihood limits take seconds per model beyond it; a registry
 * fits its models with `coxRegression` and `logisticRegression` directly.
 */
export const PREDICTORS_LIMIT = 5000;

/**
 * The time-to-event endpoints of the report: `endpointData`'s, then the secondary ones,
 * `'biochemical-recurrence'` (after a complete response) and `'hormone-therapy'`.
 */
export type ReportEndpoint = Endpoint | 'biochemical-recurrence' | 'hormone-therapy';

/** One patient set aside by `--exclude-invalid`, with every reason. */
export interface ExcludedPatient {
  readonly patientId: string | null;
  readonly reasons: readonly string[];
}

/** One bar of the PSA waterfall. */
export interface WaterfallBar {
  readonly patientId: string;
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
  readonly endpoint: ReportEndpoint;
  /** The endpoint named by what it counts and what it censors. */
  readonly label: string;
  /** What is an event and what is censored, in one or two sentences. */
  readonly definition: string;
  readonly n: number;
  readonly events: number;
  readonly fit: KaplanMeierFit;
  /** Survival at 365 and 730 days (see {@link LandmarkSurvival}). */
  readonly at: readonly LandmarkSurvival[];
  readonly median: Estimate;
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
  /**
   * What reading the input warned about (a merged duplicate, an ignored column, a death within
   * 90 days without a cause, ...): kept in the report, never dropped.
   */
  readonly inputWarnings: readonly CohortIssue[];
  readonly cohort: {
    readonly n: number;
    readonly firstSurgery: IsoDate | null;
    readonly lastSurgery: IsoDate | null;
    readonly notYetOperated: readonly string[];
    /** Reverse Kaplan-Meier median follow-up in months, with its 95% CI. */
    readonly medianFollowUpMonths: Estimate;
    /** Clark's completeness index of the follow-up over 2 years. */
    readonly followUpCompleteness: FollowUpCompleteness;
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
    readonly landmarkDays: number;
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
  /**
   * The patient flow (CONSORT): screening (when given), enrolment, operation, and for each
   * endpoint the patients analysed and why the others are not.
   */
  readonly flow: {
    readonly assessed?: number;
    readonly screeningExcluded?: readonly FlowCount[];
    readonly enrolled: number;
    readonly operated: number;
    readonly notOperated: readonly FlowCount[];
    readonly endpoints: readonly FlowEndpoint[];
  };
  /** Table 1: baseline characteristics of the operated patients. */
  readonly baseline: { readonly n: number; readonly rows: readonly BaselineRow[] };
  /**
   * The endpoints sLND series report beside the registered ones: biochemical-recurrence-free
   * survival after a complete response, and freedom from hormone therapy.
   */
  readonly secondaryEndpoints: readonly EndpointReport[];
  /** The registered time-to-event endpoints by 6-week response, with log-rank tests. */
  readonly byResponse: readonly ResponseComparison[];
  /**
   * Univariable exploratory models (hypothesis-generating, no multiplicity correction); empty
   * when the cohort carries none of the variables, or has more than {@link PREDICTORS_LIMIT}
   * patients (the report then says so).
   */
  readonly predictors: readonly PredictorRow[];
  /**
   * Each patient's PSA series and follow-up for the trajectory and swimmer plots; null for
   * cohorts of more than {@link INDIVIDUAL_PLOT_LIMIT} patients (one line per patient is then
   * unreadable).
   */
  readonly individual: {
    readonly psaTrajectories: readonly PsaTrajectoryReport[];
    readonly swimmer: readonly SwimmerLaneReport[];
  } | null;
  /** One paragraph per method, naming its R equivalent. */
  readonly methods: readonly string[];
}
