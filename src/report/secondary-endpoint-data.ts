import { daysBetween } from '../model/iso-date.js';
import type { Patient } from '../model/types.js';
import type { PsaResponseResult } from '../psa/psa-response.js';
import type { EndpointRecord } from '../survival/endpoint-data.js';
import { type EndpointSpec, HORIZON_DAYS } from './endpoint-section.js';

/** PSA at or above this (ng/mL) after a complete response is a biochemical recurrence. */
export const RECURRENCE_PSA = 0.2;

/** The secondary endpoints, defined as the report states them. */
export const SECONDARY_ENDPOINTS: readonly EndpointSpec[] = [
  {
    endpoint: 'biochemical-recurrence',
    label: 'Free of biochemical recurrence after a complete response',
    definition: `Among patients with a complete biochemical response at 6 weeks (PSA < ${RECURRENCE_PSA} ng/mL, before any hormone therapy). Event: the first PSA >= ${RECURRENCE_PSA} ng/mL after the 6-week value. Censored: at the last PSA drawn before any hormone therapy (which masks a recurrence), and at 2 years.`,
    competingRisk: false,
  },
  {
    endpoint: 'hormone-therapy',
    label: 'Free of hormone therapy (deaths censored)',
    definition:
      'Among patients not on hormone therapy at the sLND. Event: the start of androgen deprivation therapy. Censored: at the last follow-up, at a death without hormone therapy, and at 2 years.',
    competingRisk: false,
  },
];

/** A record, censored at the horizon when the event or censoring comes later. */
function record(patientId: string, day: number, event: boolean): EndpointRecord {
  const beyond = day > HORIZON_DAYS;
  return {
    patientId,
    time: beyond ? HORIZON_DAYS : day,
    event: event && !beyond ? 1 : 0,
    status: event && !beyond ? 1 : 0,
    derived: false,
  };
}

/**
 * Biochemical-recurrence-free survival after a complete response (the definition of Fossati et
 * al., Eur Urol 2019, and Bravi et al., Eur Urol 2020: PSA >= 0.2 ng/mL after sLND), from the
 * sLND (day 0), over the patients whose 6-week response is complete. A recurrence is seen only
 * at a PSA, so a patient without one is censored at the last PSA, not at the last follow-up;
 * PSA drawn on or after the ADT start is not read.
 */
export function recurrenceRecords(
  cohort: readonly Patient[],
  responses: readonly PsaResponseResult[],
): EndpointRecord[] {
  return cohort.flatMap((patient, i) => {
    const response = responses[i]!;
    if (response.completeResponse !== true) return [];
    const landmarkDate = response.landmark.measurement!.date;
    const adt = patient.adtStartDate;
    const after = patient.psa
      .filter((m) => m.date > landmarkDate && (adt === undefined || m.date < adt))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const rise = after.find((m) => m.value >= RECURRENCE_PSA);
    const last = rise ?? after[after.length - 1];
    const day = daysBetween(patient.surgeryDate, last?.date ?? landmarkDate);
    return [record(patient.id, day, rise !== undefined)];
  });
}

/**
 * Freedom from hormone therapy: time from the sLND to the ADT start, over the patients not on
 * hormone therapy at the sLND (no ADT start on or before it); censored at the last follow-up
 * (deaths included) and at 2 years.
 */
export function hormoneTherapyRecords(cohort: readonly Patient[]): EndpointRecord[] {
  return cohort.flatMap((patient) => {
    const adt = patient.adtStartDate;
    if (adt !== undefined && adt <= patient.surgeryDate) return [];
    const end = adt ?? patient.deathDate ?? patient.lastFollowUpDate;
    return [record(patient.id, daysBetween(patient.surgeryDate, end), adt !== undefined)];
  });
}

/** Patients left out of each secondary endpoint, and why (for the patient flow). */
export function secondaryExclusions(
  cohort: readonly Patient[],
  responses: readonly PsaResponseResult[],
): { readonly recurrence: string[]; readonly hormoneTherapy: string[] } {
  const recurrence = responses.map((r) =>
    r.completeResponse === true
      ? ''
      : r.evaluable
        ? 'no complete response at 6 weeks'
        : 'no evaluable 6-week PSA',
  );
  const hormoneTherapy = cohort.map((p) =>
    p.adtStartDate !== undefined && p.adtStartDate <= p.surgeryDate
      ? 'on hormone therapy at the sLND'
      : '',
  );
  return {
    recurrence: recurrence.filter((r) => r !== ''),
    hormoneTherapy: hormoneTherapy.filter((r) => r !== ''),
  };
}
