// The score vector and information matrix behind cox.zph's test (survival >= 3.0, C routine
// zph1), written from its definition. cox.zph tests proportional hazards as a score test of
// gamma = 0 in the expanded model with coefficients beta + gamma g(t) (Grambsch & Therneau
// 1994), at the fitted beta and gamma = 0: one Newton step's score test, with no refit.
//
// At each death time t (within strata, Efron's or Breslow's terms exactly as the fit), with
// xbar(t) the risk-weighted mean and V(t) the risk-weighted covariance of x (Efron: each of the
// d terms with 1/d of the deaths' sums added), and g = g(t):
//   u     = [ sum (x_i - xbar),   sum g (x_i - xbar) ]     (over deaths; the first half is the
//                                                          fit's score, ~0, and is set to 0)
//   imat  = [ sum V,   sum g V ;   sum g V,   sum g^2 V ]    (2p x 2p)
// The covariates are first centred at their plain mean (as zph1, for stability); the linear
// predictor eta is the fit's.
//
// Legend: the names below and their symbols in R's survival, src/zph1.c (survival 3.5-3, the
// fixtures' version). Case weights are all 1 here, so zph1's weights[] drop out.
//
//   ours                   zph1.c                 meaning
//   ZphInput.time, .event  xtime, status          the fit's times and events
//   ZphInput.x / centred   covar (recentred)      covariates, p columns, centred at their mean
//   ZphInput.eta           eta                    the fit's linear predictor
//   ZphInput.stratum       strata                 stratum codes, or null for one stratum
//   ZphInput.g             gt                     the centred time transform of each row
//   ZphInput.efron         method (2 Efron)       Efron's or Breslow's tie handling
//   ZphInput.order         sort                   rows by stratum, then time
//   p                      nvar                   the number of covariates
//   walk.riskSum           denom                  sum of exp(eta) over the risk set
//   walk.weightedX         a                      sum of exp(eta) x over the risk set
//   walk.weightedXX        cmat                   sum of exp(eta) x x' (lower triangle)
//   walk.deathRiskSum      denom2                 the same three sums over the deaths at t
//   walk.deathWeightedX    a2
//   walk.deathWeightedXX   cmat2
//   walk.deaths            ndead                  deaths at t
//   walk.u, walk.imat      u, imat                the score and information (2p, 2p x 2p)
//   timeWeight             timewt                 g(t) of the death time
//   deathWeight            wtave / deadwt         the weight of each of the terms at t: 1
//                                                  (Efron, d terms) or d (Breslow, one term)
//   mean                   temp2                  the running risk-weighted mean of x_i
//   term                   temp                   one entry of V(t) times deathWeight

/** u (2p) and imat (2p x 2p, full) of the expanded model. */
export interface ZphScore {
  readonly u: Float64Array;
  readonly imat: number[][];
}

/** What {@link zphScore} reads: the fit's data (zph1's arguments, see the legend). */
export interface ZphInput {
  readonly time: ArrayLike<number>;
  readonly event: ArrayLike<number>;
  readonly x: readonly ArrayLike<number>[];
  readonly eta: ArrayLike<number>;
  readonly stratum: ArrayLike<number> | null;
  /** The centred time transform of each row. */
  readonly g: ArrayLike<number>;
  readonly efron: boolean;
  /** The rows sorted by stratum, then time. */
  readonly order: ArrayLike<number>;
}

/** The running sums of zph1's backward walk (see the legend). */
interface ZphWalk {
  readonly centred: readonly Float64Array[];
  readonly u: Float64Array;
  readonly imat: number[][];
  riskSum: number;
  readonly weightedX: Float64Array;
  readonly weightedXX: Float64Array;
  deathRiskSum: number;
  readonly deathWeightedX: Float64Array;
  readonly deathWeightedXX: Float64Array;
  deaths: number;
}

/** u and imat of the expanded model, walking the rows backward in time as zph1. */
export function zphScore(input: ZphInput): ZphScore {
  const { time, stratum, order } = input;
  const n = time.length;
  const p = input.x.length;
  const walk: ZphWalk = {
    centred: input.x.map((col) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += col[i]!;
      const mean = s / n;
      return Float64Array.from({ length: n }, (_, i) => col[i]! - mean);
    }),
    u: new Float64Array(2 * p),
    imat: Array.from({ length: 2 * p }, () => new Array<number>(2 * p).fill(0)),
    riskSum: 0,
    weightedX: new Float64Array(p),
    weightedXX: new Float64Array(p * p),
    deathRiskSum: 0,
    deathWeightedX: new Float64Array(p),
    deathWeightedXX: new Float64Array(p * p),
    deaths: 0,
  };
  let current = -1;
  let ip = n - 1;
  while (ip >= 0) {
    const person = order[ip]!;
    const s = stratum === null ? 0 : stratum[person]!;
    if (s !== current) {
      // a new stratum: its risk set starts empty
      current = s;
      walk.riskSum = 0;
      walk.weightedX.fill(0);
      walk.weightedXX.fill(0);
    }
    const timeWeight = input.g[person]!;
    ip = addTiedRows(walk, input, ip, current, timeWeight);
    if (walk.deaths === 0) continue;
    addDeathTerms(walk, timeWeight, input.efron);
    walk.deathWeightedX.fill(0);
    walk.deathWeightedXX.fill(0);
  }
  fillBySymmetry(walk.imat, p);
  return { u: walk.u, imat: walk.imat };
}

/**
 * Adds the rows at order[ip], order[ip - 1], ... that share its time and stratum to the risk
 * set (a death to the deaths' sums and to u); returns the index of the first row not added.
 */
function addTiedRows(
  walk: ZphWalk,
  input: ZphInput,
  ip: number,
  current: number,
  timeWeight: number,
): number {
  const { time, event, eta, stratum, order } = input;
  const { centred, u } = walk;
  const p = centred.length;
  const deathTime = time[order[ip]!]!;
  walk.deaths = 0;
  walk.deathRiskSum = 0;
  for (; ip >= 0; ip--) {
    const person = order[ip]!;
    if (time[person] !== deathTime || (stratum === null ? 0 : stratum[person]!) !== current) {
      break;
    }
    const risk = Math.exp(eta[person]!);
    const dead = event[person] === 1;
    if (dead) {
      walk.deaths++;
      walk.deathRiskSum += risk;
    } else walk.riskSum += risk;
    const sumX = dead ? walk.deathWeightedX : walk.weightedX;
    const sumXX = dead ? walk.deathWeightedXX : walk.weightedXX;
    for (let i = 0; i < p; i++) {
      const xi = centred[i]![person]!;
      if (dead) {
        u[i]! += xi;
        u[i + p]! += timeWeight * xi;
      }
      sumX[i]! += risk * xi;
      for (let j = 0; j <= i; j++) sumXX[i * p + j]! += risk * xi * centred[j]![person]!;
    }
  }
  return ip;
}

/**
 * The deaths' terms of u and imat at one time: Breslow's one term with the deaths' sums added
 * whole, or Efron's d terms with 1/d of them added before each.
 */
function addDeathTerms(walk: ZphWalk, timeWeight: number, efron: boolean): void {
  const { u, imat, weightedX, weightedXX, deathWeightedX, deathWeightedXX, deaths } = walk;
  const p = weightedX.length;
  const terms = efron ? deaths : 1;
  const deathWeight = deaths / terms;
  for (let k = 0; k < terms; k++) {
    walk.riskSum += efron ? walk.deathRiskSum / deaths : walk.deathRiskSum;
    const riskSum = walk.riskSum;
    for (let i = 0; i < p; i++) {
      weightedX[i]! += efron ? deathWeightedX[i]! / deaths : deathWeightedX[i]!;
      const mean = weightedX[i]! / riskSum;
      u[i]! -= deathWeight * mean;
      u[i + p]! -= timeWeight * deathWeight * mean;
      for (let j = 0; j <= i; j++) {
        weightedXX[i * p + j]! += efron
          ? deathWeightedXX[i * p + j]! / deaths
          : deathWeightedXX[i * p + j]!;
        const term = (deathWeight * (weightedXX[i * p + j]! - mean * weightedX[j]!)) / riskSum;
        imat[j]![i]! += term;
        imat[j]![i + p]! += timeWeight * term;
        imat[j + p]![i + p]! += timeWeight * timeWeight * term;
      }
    }
  }
}

/** Fills imat by symmetry: each p x p block from its upper triangle, then the lower-left block. */
function fillBySymmetry(imat: number[][], p: number): void {
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) {
      imat[i]![j] = imat[j]![i]!;
      imat[i]![j + p] = imat[j]![i + p]!;
      imat[i + p]![j + p] = imat[j + p]![i + p]!;
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) imat[i + p]![j] = imat[j]![i + p]!;
}
