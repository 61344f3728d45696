import { DAYS_PER_MONTH, daysBetween } from '../model/iso-date.js';
import type { Patient } from '../model/types.js';
import type { EndpointRecord } from '../survival/endpoint-data.js';
import {
  INDIVIDUAL_PLOT_LIMIT,
  type PsaTrajectoryReport,
  type SwimmerLaneReport,
  type TrialReport,
} from './trial-report.js';

const months = (from: string, to: string) => daysBetween(from, to) / DAYS_PER_MONTH;

/** One patient's PSA from the sLND on (earlier values are the pre-sLND kinetics). */
function trajectory(patient: Patient): PsaTrajectoryReport {
  const points = patient.psa
    .filter((m) => m.date >= patient.surgeryDate)
    .map((m) => ({
      months: months(patient.surgeryDate, m.date),
      value: m.value,
      undetectable: m.undetectable === true,
    }))
    .sort((a, b) => a.months - b.months);
  const adt = patient.adtStartDate;
  return {
    patientId: patient.id,
    points,
    adtStartMonths:
      adt === undefined || adt < patient.surgeryDate ? null : months(patient.surgeryDate, adt),
  };
}

/** One patient's lane: follow-up to death or the last follow-up, and the events on it. */
function lane(patient: Patient, recurrenceDay: number | undefined): SwimmerLaneReport {
  const from = patient.surgeryDate;
  const at = (date: string | undefined) =>
    date === undefined || date < from ? null : months(from, date);
  const events: SwimmerLaneReport['events'][number][] = [];
  const add = (kind: SwimmerLaneReport['events'][number]['kind'], m: number | null) => {
    if (m !== null) events.push({ kind, months: m });
  };
  add(
    'biochemical-recurrence',
    recurrenceDay === undefined ? null : recurrenceDay / DAYS_PER_MONTH,
  );
  add('adt-start', at(patient.adtStartDate));
  add('castration-resistance', at(patient.castrationResistanceDate));
  add('distant-metastasis', at(patient.distantMetastasisDate));
  add('death', at(patient.deathDate));
  events.sort((a, b) => a.months - b.months);
  // A valid patient has no event after its follow-up; a lane never ends before its last event.
  const followUp = months(from, patient.deathDate ?? patient.lastFollowUpDate);
  return {
    patientId: patient.id,
    followUpMonths: Math.max(followUp, events[events.length - 1]?.months ?? 0),
    ongoing: patient.deathDate === undefined,
    events,
  };
}

/**
 * The data of the per-patient plots: each patient's PSA after the sLND with the ADT start
 * (trajectories), and each patient's follow-up with biochemical recurrence (the secondary
 * endpoint's event), ADT start, castration resistance, metastasis and death (swimmer), in
 * months from the sLND. Null for more than `INDIVIDUAL_PLOT_LIMIT` patients.
 */
export function individualSection(
  cohort: readonly Patient[],
  recurrences: readonly EndpointRecord[],
): TrialReport['individual'] {
  if (cohort.length > INDIVIDUAL_PLOT_LIMIT) return null;
  const recurrenceDay = new Map(
    recurrences.filter((r) => r.event === 1).map((r) => [r.patientId, r.time]),
  );
  return {
    psaTrajectories: cohort.map(trajectory),
    swimmer: cohort.map((p) => lane(p, recurrenceDay.get(p.id))),
  };
}
