import { assertArray, assertObject, assertOneOf, assertPositive } from '../_lib/assert.js';
import { describeValue } from '../_lib/describe-value.js';
import { SlndStatsError } from '../errors.js';
import { assertIsoDate, daysBetween } from '../model/iso-date.js';
import type { IsoDate, Patient } from '../model/types.js';
import { detectCastrationResistance } from '../psa/detect-castration-resistance.js';

/** The trial's time-to-event endpoints. */
export type Endpoint =
  | 'castration-resistance'
  | 'distant-metastasis'
  | 'metastasis-free-survival'
  | 'overall-survival';

/** Every endpoint `endpointData` knows, in the order the report shows them. */
export const ENDPOINTS: readonly Endpoint[] = Object.freeze([
  'castration-resistance',
  'distant-metastasis',
  'metastasis-free-survival',
  'overall-survival',
]);

/** Options of {@link endpointData}. */
export interface EndpointDataOptions {
  /** Administrative censoring horizon in days from sLND. Default 730 (2 years). */
  readonly horizonDays?: number;
  /**
   * Castration resistance or distant metastasis: record a death without the event as a
   * competing event (status 2) instead of a censoring. Default false.
   */
  readonly competingRisk?: boolean;
  /**
   * Castration resistance: where a patient has no recorded date, derive it from the PSA and
   * testosterone series with `detectCastrationResistance` under this definition. Default: never.
   */
  readonly deriveCastrationResistance?: 'eau' | 'pcwg3';
}

/** One patient's endpoint record, ready for kaplanMeier (time, event) or cumulativeIncidence (time, status). */
export interface EndpointRecord {
  readonly patientId: string;
  /** Days from sLND (surgeryDate) to the event or censoring. */
  readonly time: number;
  /** 1 the endpoint's event, 0 censored (or a competing death). */
  readonly event: 0 | 1;
  /** 0 censored, 1 the event, 2 a competing death (only with `competingRisk: true`). */
  readonly status: 0 | 1 | 2;
  /** For castration resistance: the event date was derived, not recorded. */
  readonly derived: boolean;
}

const COMPETING: ReadonlySet<Endpoint> = new Set(['castration-resistance', 'distant-metastasis']);

/**
 * Builds the time-to-event records of one endpoint from the cohort's timelines.
 *
 * Time origin: `surgeryDate` (the sLND); times are calendar days (`daysBetween`).
 * - castration-resistance: event at `castrationResistanceDate` (or, only when
 *   `deriveCastrationResistance` is given and no date is recorded, the date found by
 *   `detectCastrationResistance`); censored at `lastFollowUpDate`.
 * - distant-metastasis: event at `distantMetastasisDate`; censored at `lastImagingDate`, else
 *   `lastFollowUpDate` (metastases are only seen on imaging).
 * - metastasis-free-survival: event at the earlier of `distantMetastasisDate` and `deathDate`
 *   (death from any cause is an event); censored as distant-metastasis.
 * - overall-survival: event at `deathDate`; censored at `lastFollowUpDate`.
 * For castration resistance and distant metastasis, a death without the event censors at the
 * earlier of the death and the censoring date, or with `competingRisk: true` is a competing
 * event (status 2) at the death date. Everything after `horizonDays` is administratively
 * censored at the horizon: an event exactly at the horizon counts, and a patient whose event,
 * death or censoring date lies beyond it is censored at the horizon.
 *
 * @param patients The cohort.
 * @param endpoint Which endpoint.
 * @param options `horizonDays` (default 730), `competingRisk`, `deriveCastrationResistance`.
 * @returns One record per patient, in the cohort's order, each keeping its `patientId`.
 * @throws {TypeError|RangeError} for a malformed argument or a date that is not an ISO date,
 *   naming the patient index and field.
 * @throws {SlndStatsError} code `ENDPOINT_DATE_BEFORE_SURGERY` when an event or censoring date
 *   precedes the sLND, `ENDPOINT_EVENT_AFTER_DEATH` when the event follows the death.
 * @example
 * const records = endpointData(patients, 'distant-metastasis', { competingRisk: true });
 * cumulativeIncidence(records); // metastasis (1) vs death (2)
 */
export function endpointData(
  patients: readonly Patient[],
  endpoint: Endpoint,
  options: EndpointDataOptions = {},
): EndpointRecord[] {
  assertArray('patients', patients);
  assertOneOf('endpoint', endpoint, ENDPOINTS);
  assertObject('options', options);
  const { horizonDays = 730, competingRisk = false, deriveCastrationResistance } = options;
  assertPositive('options.horizonDays', horizonDays);
  if (typeof competingRisk !== 'boolean') {
    throw new TypeError(
      `options.competingRisk must be a boolean. Value: ${describeValue(competingRisk)}.`,
    );
  }
  if (deriveCastrationResistance !== undefined) {
    assertOneOf('options.deriveCastrationResistance', deriveCastrationResistance, ['eau', 'pcwg3']);
  }
  const settings = { endpoint, horizonDays, competingRisk, deriveCastrationResistance };
  return patients.map((patient, i) => endpointRecord(patient, i, settings));
}

/** The options of {@link endpointData}, with their defaults, and the endpoint. */
interface RecordSettings {
  readonly endpoint: Endpoint;
  readonly horizonDays: number;
  readonly competingRisk: boolean;
  readonly deriveCastrationResistance: 'eau' | 'pcwg3' | undefined;
}

/** Days from the sLND to a date of the patient, null when the date is absent. */
type DaysFromSurgery = (field: keyof Patient, date: IsoDate | undefined) => number | null;

/** One patient's record (`patients[i]`), as the rules of {@link endpointData} say. */
function endpointRecord(patient: Patient, i: number, settings: RecordSettings): EndpointRecord {
  const { endpoint, horizonDays, competingRisk } = settings;
  const where = `patients[${i}]`;
  assertObject(where, patient);
  const days: DaysFromSurgery = (field, date) => {
    if (date === undefined) return null;
    assertIsoDate(`${where}.${field}`, date);
    const d = daysBetween(patient.surgeryDate, date);
    if (d < 0) {
      throw new SlndStatsError(
        'ENDPOINT_DATE_BEFORE_SURGERY',
        `patient ${patient.id}: ${field} ${date} is before the sLND on ${patient.surgeryDate}.`,
      );
    }
    return d;
  };
  assertIsoDate(`${where}.surgeryDate`, patient.surgeryDate);
  assertIsoDate(`${where}.lastFollowUpDate`, patient.lastFollowUpDate);
  const death = days('deathDate', patient.deathDate);
  const { eventTime, censorTime, derived } = eventAndCensoring(patient, settings, days, death);
  const competing = COMPETING.has(endpoint) ? death : null;
  if (eventTime !== null && competing !== null && eventTime > competing) {
    throw new SlndStatsError(
      'ENDPOINT_EVENT_AFTER_DEATH',
      `patient ${patient.id}: the ${endpoint} date is after the death on ${patient.deathDate}.`,
    );
  }
  const record = (time: number, status: 0 | 1 | 2): EndpointRecord => ({
    patientId: patient.id,
    time,
    event: status === 1 ? 1 : 0,
    status,
    derived,
  });
  if (eventTime !== null && eventTime <= horizonDays) return record(eventTime, 1);
  if (competing !== null && competing <= horizonDays) {
    return competingRisk ? record(competing, 2) : record(Math.min(competing, censorTime), 0);
  }
  // event-free at the horizon if anything dated later shows the patient passed it
  const latest = Math.max(censorTime, eventTime ?? 0, competing ?? 0);
  return record(Math.min(latest, horizonDays), 0);
}

/**
 * The endpoint's event time (null without the event) and censoring time, in days from the
 * sLND, before the horizon and competing deaths are applied; `derived` when the castration
 * resistance date came from `detectCastrationResistance`.
 */
function eventAndCensoring(
  patient: Patient,
  settings: RecordSettings,
  days: DaysFromSurgery,
  death: number | null,
): { eventTime: number | null; censorTime: number; derived: boolean } {
  const lastFollowUp = days('lastFollowUpDate', patient.lastFollowUpDate)!;
  const imaging = days('lastImagingDate', patient.lastImagingDate);
  switch (settings.endpoint) {
    case 'castration-resistance': {
      let date = patient.castrationResistanceDate;
      let derived = false;
      if (date === undefined && settings.deriveCastrationResistance !== undefined) {
        date = detectCastrationResistance(patient, {
          definition: settings.deriveCastrationResistance,
        })?.date;
        derived = date !== undefined;
      }
      const eventTime = days('castrationResistanceDate', date);
      return { eventTime, censorTime: lastFollowUp, derived };
    }
    case 'distant-metastasis':
      return {
        eventTime: days('distantMetastasisDate', patient.distantMetastasisDate),
        censorTime: imaging ?? lastFollowUp,
        derived: false,
      };
    case 'metastasis-free-survival': {
      const met = days('distantMetastasisDate', patient.distantMetastasisDate);
      const eventTime = met === null ? death : death === null ? met : Math.min(met, death);
      return { eventTime, censorTime: imaging ?? lastFollowUp, derived: false };
    }
    default:
      return { eventTime: death, censorTime: lastFollowUp, derived: false };
  }
}
