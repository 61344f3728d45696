// The quick start: reads the synthetic example cohort and prints its PSA endpoints.
// Run: npm run example
import { readFileSync } from 'node:fs';
import {
  parseCohort,
  psaDoublingTimeChange,
  psaDoublingTimeComparison,
  psaResponse,
} from '../src/index.js';

const file = new URL('./cohort.json', import.meta.url);
const patients = parseCohort(JSON.parse(readFileSync(file, 'utf8')));
console.log(`Synthetic example cohort: ${patients.length} patients (not real patients)\n`);

console.log('PSA 6 weeks after sLND (primary endpoint)');
for (const patient of patients) {
  const r = psaResponse(patient);
  const m = r.landmark.measurement;
  const value =
    m === null
      ? 'none'
      : `${m.undetectable ? '<' : ''}${m.value} ng/mL (day ${r.landmark.daysAfterSurgery})`;
  console.log(
    `  ${patient.id}: ${value}; complete response: ${r.completeResponse ?? 'n/a'}; undetectable: ${r.undetectable ?? 'n/a'}`,
  );
}

console.log('\nPSA doubling time before and after sLND');
for (const patient of patients) {
  const c = psaDoublingTimeChange(patient);
  const fmt = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(1)} mo`);
  console.log(
    `  ${patient.id}: pre ${fmt(c.pre.doublingTimeMonths)}, post ${fmt(c.post.doublingTimeMonths)}: ${c.category}`,
  );
}

const comparison = psaDoublingTimeComparison(patients);
console.log(
  `\nPaired log-slopes: n = ${comparison.n}, median change ${comparison.medianChange?.toFixed(4) ?? 'n/a'} per month` +
    (comparison.wilcoxon === null
      ? ''
      : `, ${comparison.wilcoxon.method}: V = ${comparison.wilcoxon.statistic}, p = ${comparison.wilcoxon.pValue.toFixed(3)}`),
);
for (const e of comparison.excluded) console.log(`  not paired: ${e.patientId}: ${e.reason}`);
