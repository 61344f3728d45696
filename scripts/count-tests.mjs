// Prints `tests: N passed, M failed` from vitest's JSON report (the line CI reads).
// Usage: node scripts/count-tests.mjs [.vitest-report.json]
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest-report.json';
if (!existsSync(file)) {
  console.log('tests: 0 passed, 1 failed');
  console.error(`count-tests: ${file} is missing: the test run did not finish`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
// A file that fails to load has no test results of its own: count it as a failure.
const failedSuites = report.testResults.filter(
  (r) => r.status === 'failed' && r.assertionResults.length === 0,
).length;
const failed = report.numFailedTests + failedSuites;
console.log(`tests: ${report.numPassedTests} passed, ${failed} failed`);
process.exit(failed > 0 || report.numPassedTests === 0 ? 1 : 0);
