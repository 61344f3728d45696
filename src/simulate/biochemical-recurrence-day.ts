import { daysBetween } from '../model/iso-date.js';
import type { Patient } from '../model/types.js';
import type { Draw } from './draw.js';

/** PSA (ng/mL) that defines a biochemical recurrence after radical prostatectomy (EAU). */
const RECURRENCE_PSA = 0.2;
/** The recurrence is at least this many days after the prostatectomy, unless nothing else fits. */
const MIN_DAYS_AFTER_PROSTATECTOMY = 90;
/** Salvage radiotherapy, its nadir and the new rise take at least this many days. */
const MIN_DAYS_RADIOTHERAPY_TO_RISE = 180;
/** A recurrence treated by salvage radiotherapy comes within 3 years of the prostatectomy. */
const MAX_DAYS_TO_RT = 3 * 365;

/**
 * The day (after the sLND, so negative) of a simulated patient's biochemical recurrence, the
 * first PSA of 0.2 ng/mL or more after the prostatectomy, consistent with the patient's own PSA
 * series before the sLND and their prostatectomy date:
 * - without prior salvage radiotherapy, when a PSA of the series is below 0.2, the date of the
 *   first PSA >= 0.2 after the last one below it, as a site would date it from its labs (the
 *   last PSA before the sLND when none reaches 0.2: about 0.2% of patients); when all are
 *   >= 0.2, the day the log-linear fit of the series crosses 0.2, at least 90 days after the
 *   prostatectomy and not after the first PSA of the series;
 * - after salvage radiotherapy, the recurrence that led to it: `u * min(room, 3 years)` after
 *   the prostatectomy, u uniform on [0.25, 1) (one draw), where `room` is the time from the
 *   prostatectomy to 180 days before the first PSA of the series (at least 120 days): the
 *   radiotherapy, its nadir and the present rise come after it;
 * and always after the prostatectomy and not after the last PSA before the sLND.
 */
export function biochemicalRecurrenceDay(
  draw: Draw,
  patient: Patient,
  afterSalvageRadiotherapy: boolean,
): number {
  const { surgeryDate } = patient;
  const pre = patient.psa
    .filter((m) => m.date < surgeryDate)
    .map((m) => ({ t: daysBetween(surgeryDate, m.date), value: m.value }));
  const first = pre[0]?.t ?? -1;
  const latest = pre.at(-1)?.t ?? -1;
  // Without a prostatectomy date (never, from the simulator), a year before the first PSA.
  const prostatectomyDay =
    patient.prostatectomyDate === undefined
      ? first - 365
      : daysBetween(surgeryDate, patient.prostatectomyDate);
  const earliest = prostatectomyDay + MIN_DAYS_AFTER_PROSTATECTOMY;
  const crossing = fittedCrossingDay(pre) ?? first;
  let day: number;
  if (afterSalvageRadiotherapy) {
    // Room before the series for the recurrence, the radiotherapy and a new rise; at least a
    // few months (a series that starts soon after the prostatectomy).
    const room = Math.max(first - MIN_DAYS_RADIOTHERAPY_TO_RISE - prostatectomyDay, 120);
    day = prostatectomyDay + Math.round(draw.between(0.25, 1) * Math.min(room, MAX_DAYS_TO_RT));
  } else {
    const lastBelow = pre.findLastIndex((m) => m.value < RECURRENCE_PSA);
    day =
      lastBelow === -1
        ? Math.min(first, Math.max(Math.round(crossing), earliest))
        : (pre[lastBelow + 1]?.t ?? latest);
  }
  return Math.min(latest, Math.max(prostatectomyDay + 1, day));
}

/** The day a least-squares line through (day, ln PSA) reaches 0.2 ng/mL; null if not rising. */
function fittedCrossingDay(points: readonly { t: number; value: number }[]): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  const meanT = points.reduce((s, p) => s + p.t, 0) / n;
  const meanY = points.reduce((s, p) => s + Math.log(p.value), 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.t - meanT) * (Math.log(p.value) - meanY);
    sxx += (p.t - meanT) ** 2;
  }
  const slope = sxy / sxx;
  if (!(slope > 0) || !Number.isFinite(slope)) return null;
  return meanT + (Math.log(RECURRENCE_PSA) - meanY) / slope;
}
