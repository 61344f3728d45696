import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The JSON report is what .ci/run reads to print its `tests: N passed, M failed` line.
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
