import { assertInteger, assertObject } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { addDaysIso, addMonthsIso, assertIsoDate, daysBetween } from '../model/iso-date.js';
import type {
  ClavienDindoGrade,
  Complication,
  IsoDate,
  Patient,
  PsaMeasurement,
  TestosteroneMeasurement,
} from '../model/types.js';
import { detectCastrationResistance } from '../psa/detect-castration-resistance.js';
import { POSTOPERATIVE_COMPLICATIONS } from './complication-catalogue.js';
import { type Draw, drawStreams } from './draw.js';
import { simulateBaseline } from './simulate-baseline.js';

/** Options of {@link simulateCohort}. */
export interface SimulateCohortOptions {
  /** Number of patients (integer >= 1). Default 60. */
  readonly n?: number;
  /** Seed of the xoroshiro128+ generator (a 32-bit integer). Default 1. */
  readonly seed?: number;
  /** First day of accrual. Default `'2022-01-01'`. */
  readonly startDate?: IsoDate;
  /** Months of accrual: sLND dates are spread uniformly over them (integer >= 1). Default 18. */
  readonly accrualMonths?: number;
  /** Months of follow-up after the end of accrual (integer >= 0). Default 24. */
  readonly followUpMonths?: number;
  /**
   * The data cut: the last follow-up of every patient not lost, not dead. Default
   * `startDate + accrualMonths + followUpMonths`; never before the end of accrual.
   */
  readonly asOf?: IsoDate;
  /** Prefix of the ids (`SYN-001`, `SYN-002`, ...). Default `'SYN-'`. */
  readonly idPrefix?: string;
}

/** The defaults of {@link SimulateCohortOptions} (`asOf` follows from the others). */
export const SIMULATE_COHORT_DEFAULTS = Object.freeze({
  n: 60,
  seed: 1,
  startDate: '2022-01-01',
  accrualMonths: 18,
  followUpMonths: 24,
  idPrefix: 'SYN-',
});

/** The outcome of {@link simulateCohort}. */
export interface SimulatedCohort {
  /** Says that the cohort is synthetic and how it was made (seed, n, data cut). */
  readonly description: string;
  /** Always true: the patients are simulated, not trial data. */
  readonly synthetic: true;
  /** The data cut. */
  readonly asOf: IsoDate;
  /** The patients, in order of sLND date, series sorted by date. */
  readonly patients: Patient[];
}

// The model's parameters, chosen to resemble published sLND series (e.g. Suardi et al., Eur Urol
// 2015;67:299-309; Fossati et al., Eur Urol 2019;75:176-183): about half of patients reach a
// complete biochemical response (PSA < 0.2 ng/mL) six weeks after sLND, many of them relapse
// biochemically, and about 30% develop distant metastases, 15-20% castration resistance and
// 3-5% die within two years.

/** Share of complete biochemical responders (PSA < 0.2 ng/mL at ~6 weeks). */
const P_COMPLETE_RESPONSE = 0.5;
/** Among complete responders, share whose PSA rises again during follow-up. */
const P_RELAPSE_AFTER_RESPONSE = 0.5;
/** Among complete responders, share whose 6-week PSA is undetectable (< 0.03). */
const P_UNDETECTABLE = 0.5;
/** Detection limit of the simulated ultrasensitive PSA assay, ng/mL. */
const PSA_LIMIT = 0.03;
/** Two-year probability of distant metastasis of non-responders and durable responders. */
const P_METASTASIS_2Y = { nonResponder: 0.5, durable: 0.04 } as const;
/** After a PSA relapse of a responder: probability of distant metastasis within a year of it. */
const P_METASTASIS_1Y_AFTER_RELAPSE = 0.3;
/** Probability of ADT after PSA progression without metastasis: non-responder, relapse. */
const P_ADT = { nonResponder: 0.7, relapse: 0.5 } as const;
/** Probability that a patient on ADT becomes castration resistant. */
const P_CASTRATION_RESISTANCE = 0.45;
/** Probability of cancer death after castration resistance; two-year other-cause death. */
const P_DEATH_AFTER_CRPC = 0.3;
const P_OTHER_DEATH_2Y = 0.015;
/** Probability of being lost to follow-up before the data cut. */
const P_DROPOUT = 0.08;
/** Probability of at least one complication; of a second one among those. */
const P_COMPLICATION = 0.35;
const P_SECOND_COMPLICATION = 0.2;
/** Probability of the suffix "d" (persists at discharge) on a complication of grade < V. */
const P_SUFFIX_D = 0.03;

/** Grades of perioperative complications with their weights (mostly minor, rarely IVa). */
const GRADE_WEIGHTS: readonly (readonly [ClavienDindoGrade, number])[] = [
  ['I', 0.35],
  ['II', 0.4],
  ['IIIa', 0.12],
  ['IIIb', 0.1],
  ['IVa', 0.03],
];

type Course = 'nonResponder' | 'relapse' | 'durable';

/** PSA rounded as labs report it: 2 decimals from 0.1 ng/mL, 3 below. */
function roundPsa(value: number): number {
  return value >= 0.1 ? Math.round(value * 100) / 100 : Math.round(value * 1000) / 1000;
}

function psaResult(date: IsoDate, value: number): PsaMeasurement {
  const rounded = roundPsa(value);
  return rounded <= PSA_LIMIT
    ? { date, value: PSA_LIMIT, undetectable: true }
    : { date, value: rounded };
}

/**
 * Simulates a SYNTHETIC cohort of the sLND trial: seeded, deterministic, realistic-looking
 * patients that pass {@link validateCohort}, for examples, tests and trying out analyses. They
 * are not trial data; the result's `description` and `synthetic: true` say so.
 *
 * The model, per patient (day 0 = sLND): sLND dates uniform over the accrual period; radical
 * prostatectomy 1-8 years before; PSA before sLND (median 1.5 ng/mL at sLND, log-normal) rising
 * with a doubling time of 4-12 months, 3-5 values in the year before, the last within 30 days;
 * a PSA between day 35 and 49: half of patients complete responders (< 0.2 ng/mL, half of them
 * undetectable: value 0.03 with `undetectable: true`), the others not; PSA about every 3
 * months after, rising again in half of the responders, with a doubling time 0.8-2.2 times the
 * pre-sLND one; distant metastasis (with its imaging
 * date; otherwise a last imaging 0-90 days before the last follow-up in 90% of patients) with a
 * two-year probability of 50% for non-responders and 4% for durable responders, and 30% in
 * the year after a relapse; ADT after PSA progression, at metastasis, or at the latest within 2
 * months of PSA reaching 10 ng/mL, with testosterone before (250-650
 * ng/dL) and castrate after (< 50 ng/dL); castration resistance in 45% of patients on ADT,
 * setting in 6-18 months after it (PSA then doubles every 90 days) and recorded on the date the
 * patient's own labs first meet the EAU definition (`detectCastrationResistance`), as a site
 * would date it; death in 30% of those (cause `'prostate-cancer'`), plus 1.5% other-cause deaths
 * within two years (cause `'other'`);
 * 8% lost to follow-up; complications (Clavien-Dindo) in 35% of patients within 90 days, mostly
 * grade I-II, some IIIa/IIIb, rarely IVa, rarely with the suffix "d", each with its `category`
 * (lymphocele the commonest) and `intraoperative: false`. Everything after the last follow-up
 * (the data cut, a dropout or death) is unobserved and left out.
 *
 * The baseline of every patient, as published sLND series report it (docs/simulation.md gives
 * each distribution and its source, e.g. Fossati et al., Eur Urol 2019;75:176-183): age at the
 * sLND (median 65), ISUP grade group, pathological stage, nodal stage and margin, the date of the
 * biochemical recurrence (after the prostatectomy, before the sLND, consistent with the
 * patient's PSA series), prior salvage radiotherapy (50%) and ADT (20%), the imaging that
 * located the recurrence (mostly PSMA-PET/CT, 1-10 weeks before the sLND, at least one positive
 * node, mostly pelvic), nodes removed (median 26) and positive (0 in 9%, 3 or more in 54%, at
 * most those removed); and an intraoperative complication (vascular, ureteral or obturator nerve
 * injury, dated on the day of the sLND) in 3% of patients. The baseline does not depend on the
 * course: an analysis of it as a prognostic factor finds no effect, by construction.
 *
 * Random numbers come from pure-rand's xoroshiro128+ seeded with `seed`, drawn in a fixed order,
 * so a seed always gives the same cohort (on every platform: only IEEE arithmetic is used). The
 * course of every patient comes from that generator exactly as before the baseline fields
 * existed, and the baseline from the generator jumped ahead 2^64 draws, so every earlier field
 * of a seed is unchanged (the complications gained a category, and a few patients an
 * intraoperative complication). {@link simulateTrial} adds the patient flow.
 *
 * @param options - `n` (60), `seed` (1), `startDate` ('2022-01-01'), `accrualMonths` (18),
 *   `followUpMonths` (24), `asOf` (start + accrual + follow-up), `idPrefix` ('SYN-').
 * @returns `{ description, synthetic: true, asOf, patients }`.
 * @throws {TypeError} when `options` is not an object or a date is not a string.
 * @throws {RangeError} when `n`, `seed`, `accrualMonths` or `followUpMonths` is not an
 *   integer in range, a date is not a calendar date, or `asOf` is before the end of accrual.
 * @example
 * const { patients } = simulateCohort({ n: 60, seed: 2026 });
 * validateCohort(patients).ok; // => true
 */
export function simulateCohort(options: SimulateCohortOptions = {}): SimulatedCohort {
  assertObject('options', options);
  const {
    n = SIMULATE_COHORT_DEFAULTS.n,
    seed = SIMULATE_COHORT_DEFAULTS.seed,
    startDate = SIMULATE_COHORT_DEFAULTS.startDate,
    accrualMonths = SIMULATE_COHORT_DEFAULTS.accrualMonths,
    followUpMonths = SIMULATE_COHORT_DEFAULTS.followUpMonths,
    idPrefix = SIMULATE_COHORT_DEFAULTS.idPrefix,
  } = options;
  assertInteger('options.n', n, 1);
  if (typeof seed !== 'number' || !Number.isInteger(seed) || Math.abs(seed) > 2 ** 31) {
    throw new RangeError(`options.seed must be a 32-bit integer. Value: ${describeValue(seed)}.`);
  }
  assertIsoDate('options.startDate', startDate);
  assertInteger('options.accrualMonths', accrualMonths, 1);
  assertInteger('options.followUpMonths', followUpMonths, 0);
  if (typeof idPrefix !== 'string') {
    throw new TypeError(`options.idPrefix must be a string. Value: ${describeValue(idPrefix)}.`);
  }
  const accrualEnd = addMonthsIso(startDate, accrualMonths);
  const asOf = options.asOf ?? addMonthsIso(startDate, accrualMonths + followUpMonths);
  assertIsoDate('options.asOf', asOf);
  if (asOf < accrualEnd) {
    throw new RangeError(
      `options.asOf must not be before the end of accrual (${accrualEnd}). Value: ${describeValue(asOf)}.`,
    );
  }

  // The course of each patient comes from the seed's first stream, exactly as before the
  // baseline fields existed; the baseline from a second stream (draw.ts).
  const streams = drawStreams(seed);
  const draw = streams.course;
  const accrualDays = daysBetween(startDate, accrualEnd);
  // Surgery dates first, sorted, so ids follow the order of inclusion as in a trial.
  const offsets = Array.from({ length: n }, () => draw.int(0, accrualDays - 1)).sort(
    (a, b) => a - b,
  );
  const width = Math.max(3, String(n).length);
  const patients = offsets.map((offset, i) =>
    simulateBaseline(
      streams.baseline,
      simulatePatient(
        draw,
        `${idPrefix}${String(i + 1).padStart(width, '0')}`,
        addDaysIso(startDate, offset),
        asOf,
      ),
    ),
  );
  return {
    description:
      `Synthetic cohort: ${n} simulated patients (simulateCohort, seed ${seed}, data cut ${asOf}). ` +
      'Not real patients; for examples and tests only.',
    synthetic: true,
    asOf,
    patients,
  };
}

function simulatePatient(draw: Draw, id: string, surgeryDate: IsoDate, asOf: IsoDate): Patient {
  const day = (d: number) => addDaysIso(surgeryDate, Math.round(d));
  const cutDay = daysBetween(surgeryDate, asOf);
  const prostatectomyDate = day(-draw.int(365, 8 * 365));
  const pre = drawPrePsa(draw);
  const response = drawResponse(draw, pre);
  const events = drawEventDays(draw, response, cutDay);
  const { metastasisDay, adtDay, deathDay, dropoutDay } = events;

  // Censoring: follow-up ends at the data cut, a dropout or death, whichever comes first.
  const endDay = Math.min(cutDay, dropoutDay, Math.round(deathDay));
  const seen = (t: number) => Math.round(t) <= endDay;
  const died = Math.round(deathDay) <= Math.min(cutDay, dropoutDay);

  const postDays = drawPostDays(draw, response.day6w, endDay);
  const psa: PsaMeasurement[] = [
    ...pre.preDays.map((t) =>
      psaResult(day(t), pre.psa0 * 2 ** (t / pre.doublingDays) * draw.between(0.95, 1.05)),
    ),
    ...postDays
      .filter(seen)
      .map((t) =>
        psaResult(
          day(t),
          t === response.day6w ? response.psa6w : psaTrack(draw, response, events, t),
        ),
      ),
  ];

  const complications = simulateComplications(draw).filter((c) => seen(c.day));

  const patient: Record<string, unknown> = { id, surgeryDate, prostatectomyDate, psa };
  if (Number.isFinite(adtDay) && seen(adtDay)) {
    patient['testosterone'] = simulateTestosterone(draw, adtDay, postDays.filter(seen), day);
    patient['adtStartDate'] = day(adtDay);
  }
  patient['complications'] = complications.map(({ day: t, ...c }) => ({ date: day(t), ...c }));
  // Castration resistance is recorded on the date the patient's own simulated labs first meet
  // the EAU definition, as a site would date it (the disease's own onset, crpcDay, drives the
  // PSA but is not observable).
  if (patient['adtStartDate'] !== undefined) {
    const met = detectCastrationResistance(patient as unknown as Patient, { definition: 'eau' });
    if (met !== null) patient['castrationResistanceDate'] = met.date;
  }
  const metastasisSeen = Number.isFinite(metastasisDay) && seen(metastasisDay);
  if (metastasisSeen) patient['distantMetastasisDate'] = day(metastasisDay);
  if (died) {
    patient['deathDate'] = day(deathDay);
    patient['deathCause'] = events.diesOfCancer ? 'prostate-cancer' : 'other';
  }
  patient['lastFollowUpDate'] = day(endDay);
  if (metastasisSeen) patient['lastImagingDate'] = day(metastasisDay);
  else if (draw.chance(0.9))
    patient['lastImagingDate'] = day(Math.max(0, endDay - draw.int(0, 90)));
  return patient as unknown as Patient;
}

// The helpers of simulatePatient draw their numbers in the order simulatePatient calls them,
// each in the order written: a seed gives the same cohort only while that order holds.

/** The PSA before sLND: P(t) = psa0 * 2^(t / doublingDays), t <= 0, measured on `preDays`. */
interface PrePsa {
  readonly psa0: number;
  readonly doublingDays: number;
  /** 3-5 days in the year before the sLND, the first 330-365 days before, the last 1-30. */
  readonly preDays: readonly number[];
}

function drawPrePsa(draw: Draw): PrePsa {
  const psa0 = Math.exp(Math.log(1.5) + 0.7 * draw.normal());
  const doublingDays = draw.between(4, 12) * 30.4375;
  const preCount = draw.int(3, 5);
  const first = -draw.int(330, 365);
  const last = -draw.int(1, 30);
  const preDays = Array.from({ length: preCount }, (_, k) => {
    if (k === 0) return first;
    if (k === preCount - 1) return last;
    const step = (last - first) / (preCount - 1);
    return Math.round(first + k * step + draw.int(-10, 10));
  });
  return { psa0, doublingDays, preDays };
}

/** The response at ~6 weeks and the course after it. */
interface Response {
  /** Day of the ~6-week PSA, 35 to 49. */
  readonly day6w: number;
  readonly course: Course;
  readonly psa6w: number;
  /** Day the PSA of a relapsing responder rises again; Infinity for the others. */
  readonly relapseDay: number;
  /** Doubling time of a rising PSA after sLND, in days. */
  readonly riseDays: number;
}

function drawResponse(draw: Draw, { psa0, doublingDays }: PrePsa): Response {
  const day6w = draw.int(35, 49);
  const responder = draw.chance(P_COMPLETE_RESPONSE);
  const course: Course = !responder
    ? 'nonResponder'
    : draw.chance(P_RELAPSE_AFTER_RESPONSE)
      ? 'relapse'
      : 'durable';
  const psa6w = responder
    ? draw.chance(P_UNDETECTABLE)
      ? PSA_LIMIT
      : draw.between(0.04, 0.19)
    : Math.max(0.2, psa0 * draw.between(0.25, 1.4));
  const relapseDay = course === 'relapse' ? draw.int(120, 600) : Infinity;
  // After sLND a rising PSA doubles at 0.8 to 2.2 times the pre-sLND doubling time: sLND slows
  // the kinetics of some patients and not of others.
  const riseDays = doublingDays * draw.between(0.8, 2.2);
  return { day6w, course, psa6w, relapseDay, riseDays };
}

/** Event times (days after sLND) before censoring; Infinity = never. */
interface EventDays {
  readonly metastasisDay: number;
  readonly adtDay: number;
  readonly crpcDay: number;
  readonly deathDay: number;
  /** The death (at deathDay) is from prostate cancer. */
  readonly diesOfCancer: boolean;
  readonly dropoutDay: number;
}

function drawEventDays(draw: Draw, response: Response, cutDay: number): EventDays {
  const { course, day6w, psa6w, relapseDay, riseDays } = response;
  const metastasisDay =
    course === 'relapse'
      ? relapseDay + draw.exponential(P_METASTASIS_1Y_AFTER_RELAPSE, 365)
      : 60 + draw.exponential(P_METASTASIS_2Y[course], 670);
  let adtDay = Infinity;
  if (course !== 'durable' && draw.chance(P_ADT[course])) {
    adtDay = course === 'nonResponder' ? draw.int(90, 365) : relapseDay + draw.int(180, 450);
  }
  if (Number.isFinite(metastasisDay)) adtDay = Math.min(adtDay, metastasisDay + draw.int(0, 21));
  // Nobody is left untreated with a PSA above 10 ng/mL: ADT starts within 2 months of it.
  const start =
    course === 'nonResponder' ? { day: day6w, psa: psa6w } : { day: relapseDay, psa: 0.05 };
  if (Number.isFinite(start.day)) {
    const tenDay = start.day + riseDays * Math.log2(Math.max(10 / start.psa, 1));
    adtDay = Math.min(adtDay, tenDay + draw.int(0, 60));
  }
  const crpcDay =
    Number.isFinite(adtDay) && draw.chance(P_CASTRATION_RESISTANCE)
      ? adtDay + draw.int(180, 540)
      : Infinity;
  let deathDay = 30 + draw.exponential(P_OTHER_DEATH_2Y, 700);
  let diesOfCancer = false;
  if (Number.isFinite(crpcDay) && draw.chance(P_DEATH_AFTER_CRPC)) {
    const cancerDeathDay = crpcDay + draw.int(60, 420);
    diesOfCancer = cancerDeathDay < deathDay;
    deathDay = Math.min(deathDay, cancerDeathDay);
  }
  const dropoutDay = draw.chance(P_DROPOUT) && cutDay > 120 ? draw.int(120, cutDay) : Infinity;
  return { metastasisDay, adtDay, crpcDay, deathDay, diesOfCancer, dropoutDay };
}

/** The PSA visits after sLND: ~6 weeks, then about every 3 months up to `endDay`. */
function drawPostDays(draw: Draw, day6w: number, endDay: number): number[] {
  const postDays: number[] = [day6w];
  for (let k = 1; ; k++) {
    const t = 91 * k + draw.int(-10, 10);
    if (t > endDay) break;
    postDays.push(t);
  }
  return postDays;
}

/** The PSA at day `t` without treatment: rising (non-responder), or a plateau and a relapse. */
function untreatedPsa(draw: Draw, response: Response, t: number): number {
  const { course, day6w, psa6w, relapseDay, riseDays } = response;
  if (course === 'nonResponder') return psa6w * 2 ** ((t - day6w) / riseDays);
  const level = psa6w * draw.between(0.85, 1.15);
  const plateau = psa6w <= PSA_LIMIT ? PSA_LIMIT : Math.min(0.19, level);
  return t < relapseDay ? plateau : Math.max(plateau, 0.05 * 2 ** ((t - relapseDay) / riseDays));
}

/**
 * The PSA measured at day `t` after the 6-week visit: on ADT it falls (half-life ~3 weeks) and,
 * with castration resistance, rises again (doubling every 90 days), reaching 2 ng/mL at the
 * date of resistance.
 */
function psaTrack(draw: Draw, response: Response, events: EventDays, t: number): number {
  const { adtDay, crpcDay } = events;
  const before = untreatedPsa(draw, response, Math.min(t, adtDay));
  if (t < adtDay) return before * draw.between(0.93, 1.07);
  const falling = before * 0.5 ** ((t - adtDay) / 21);
  const rising = Number.isFinite(crpcDay) ? 2 * 2 ** ((t - crpcDay) / 90) : 0;
  return Math.max(falling, rising, 0) * draw.between(0.93, 1.07);
}

/** Testosterone before ADT (normal) and castrate on ADT, at the PSA visits from 4 weeks on. */
function simulateTestosterone(
  draw: Draw,
  adtDay: number,
  visits: readonly number[],
  day: (d: number) => IsoDate,
): TestosteroneMeasurement[] {
  return [
    { date: day(adtDay - draw.int(0, 14)), value: draw.int(250, 650) },
    ...visits
      .filter((t) => t >= adtDay + 28)
      .map((t) => ({ date: day(t), value: draw.int(8, 45) })),
  ];
}

function simulateComplications(draw: Draw): (Omit<Complication, 'date'> & { day: number })[] {
  if (!draw.chance(P_COMPLICATION)) return [];
  const count = draw.chance(P_SECOND_COMPLICATION) ? 2 : 1;
  const out: (Omit<Complication, 'date'> & { day: number })[] = [];
  for (let k = 0; k < count; k++) {
    // Most complications show within a month; lymphoceles and the like up to day 90.
    const day = draw.chance(0.75) ? draw.int(0, 30) : draw.int(31, 90);
    let u = draw.unit();
    let grade: ClavienDindoGrade = 'I';
    for (const [g, w] of GRADE_WEIGHTS) {
      grade = g;
      if (u < w) break;
      u -= w;
    }
    const [description, category] = draw.pick(POSTOPERATIVE_COMPLICATIONS[grade]!);
    const complication: Omit<Complication, 'date'> & { day: number } = draw.chance(P_SUFFIX_D)
      ? { day, grade, description, category, intraoperative: false, persistsAtDischarge: true }
      : { day, grade, description, category, intraoperative: false };
    out.push(complication);
  }
  return out.sort((a, b) => a.day - b.day);
}
