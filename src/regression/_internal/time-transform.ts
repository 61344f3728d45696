// The time scales of cox.zph (survival >= 3.0): g(t) for each subject's time, before centring.
//  - 'identity': t itself;
//  - 'rank': rank(t) among all n times, ties given their average rank (R's rank());
//  - 'km': 1 - S(t-), one minus the left-continuous Kaplan-Meier estimate of all the data
//    (strata ignored), as cox.zph's survfitKM and findInterval(left.open = TRUE): the
//    product-limit estimate just before t.

/** The time scale of `cox.zph`: 1 - Kaplan-Meier (`'km'`), ranks, or the times themselves. */
export type ZphTransform = 'km' | 'rank' | 'identity';

/** The zph time transforms. */
export const ZPH_TRANSFORMS: readonly ZphTransform[] = ['km', 'rank', 'identity'];

/** g(t_i) for every subject, uncentred. */
export function transformTimes(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  transform: ZphTransform,
): Float64Array {
  const n = time.length;
  if (transform === 'identity') return Float64Array.from(time);
  const idx = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a]! - time[b]!);
  const out = new Float64Array(n);
  let atRisk = n;
  let surv = 1;
  for (let k = 0; k < n; ) {
    const t = time[idx[k]!]!;
    let end = k;
    let deaths = 0;
    while (end < n && time[idx[end]!] === t) deaths += event[idx[end++]!]!;
    // rank: positions k+1..end share their mean; km: S just before t
    const value = transform === 'rank' ? (k + 1 + end) / 2 : 1 - surv;
    for (let m = k; m < end; m++) out[idx[m]!] = value;
    surv *= (atRisk - deaths) / atRisk;
    atRisk -= end - k;
    k = end;
  }
  return out;
}
