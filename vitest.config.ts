import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  define: { __SLND_STATS_VERSION__: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    // The JSON report is what .ci/run reads to print its `tests: N passed, M failed` line.
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
