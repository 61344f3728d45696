// Detects complete or quasi-complete separation in logistic regression: the data for which the
// maximum-likelihood estimate does not exist (some coefficient runs off to infinity while the
// likelihood keeps rising). With s_i = 2 y_i - 1 and x_i the design row (intercept included),
// the data are separated when some b != 0 has s_i x_i' b >= 0 for every i (Albert & Anderson,
// Biometrika 1984; a linear-programming check as in Konis 2007, safeBinaryRegression). By
// Stiemke's theorem of the alternative, for a design of full column rank exactly one holds:
//   (i)  some b has A b >= 0, A b != 0         (A the n x p matrix of rows s_i x_i'): separated;
//   (ii) some w > 0 has A' w = 0                                                   : not.
// (ii) is scale-free, so it is asked as w >= 1, i.e. z = w - 1 >= 0 with A' z = -A' 1: a
// phase-1 linear program on p equality rows (one artificial variable each), solved by the
// simplex method with Bland's rule (no cycling on this degenerate problem). Its optimum, the
// least total infeasibility, is 0 exactly when (ii) holds. Each covariate is first scaled to a
// largest absolute value of 1, which changes b but not whether it exists.

const PIVOT_TOLERANCE = 1e-12;
/** An optimum above this (relative to the largest right-hand side) means no w exists. */
const INFEASIBLE = 1e-7;

/** True when the 0/1 outcomes are completely or quasi-completely separated by the design. */
export function isSeparated(columns: readonly ArrayLike<number>[], y: ArrayLike<number>): boolean {
  const p = columns.length;
  const n = y.length;
  const width = n + p;
  // tableau rows: [A' | I] z = rhs, each row's sign set so that rhs >= 0
  const rows = columns.map((col) => {
    let scale = 0;
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(col[i]!));
    const row = new Float64Array(width + 1);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = ((y[i] === 1 ? 1 : -1) * col[i]!) / scale;
      row[i] = v;
      sum += v;
    }
    if (-sum < 0) for (let i = 0; i < n; i++) row[i] = -row[i]!;
    row[width] = Math.abs(sum);
    return row;
  });
  const basis = Int32Array.from({ length: p }, (_, k) => n + k);
  rows.forEach((row, k) => {
    row[n + k] = 1;
  });
  let largest = 0;
  for (const row of rows) largest = Math.max(largest, row[width]!);
  // reduced costs of minimising the sum of the artificials: -(column sums) over the z columns
  const cost = new Float64Array(width + 1);
  for (const row of rows)
    for (let j = 0; j <= width; j++) if (j < n || j === width) cost[j]! -= row[j]!;
  for (let pivots = 0; pivots < 100 * width; pivots++) {
    let enter = -1;
    for (let j = 0; j < width; j++) {
      if (cost[j]! < -PIVOT_TOLERANCE) {
        enter = j;
        break;
      }
    }
    if (enter < 0) break;
    let leave = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let k = 0; k < p; k++) {
      const a = rows[k]![enter]!;
      if (a <= PIVOT_TOLERANCE) continue;
      const ratio = rows[k]![width]! / a;
      if (ratio < best || (ratio === best && basis[k]! < basis[leave]!)) {
        best = ratio;
        leave = k;
      }
    }
    if (leave < 0) break; // unbounded direction: cannot lower the infeasibility this way
    pivot(rows, cost, leave, enter);
    basis[leave] = enter;
  }
  // the optimum: the artificials still in the basis carry the remaining infeasibility
  let infeasibility = 0;
  for (let k = 0; k < p; k++) if (basis[k]! >= n) infeasibility += rows[k]![width]!;
  return infeasibility > INFEASIBLE * Math.max(1, largest);
}

function pivot(rows: Float64Array[], cost: Float64Array, r: number, c: number): void {
  const prow = rows[r]!;
  const a = prow[c]!;
  for (let j = 0; j < prow.length; j++) prow[j] = prow[j]! / a;
  const eliminate = (row: Float64Array) => {
    const f = row[c]!;
    if (f === 0) return;
    for (let j = 0; j < row.length; j++) row[j] = row[j]! - f * prow[j]!;
  };
  rows.forEach((row, k) => {
    if (k !== r) eliminate(row);
  });
  eliminate(cost);
}
