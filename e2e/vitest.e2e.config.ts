// End-to-end tests (`npm run test:e2e`): the built CLI's HTML report in headless Chromium, and
// the notebook docs/notebooks/trial-analysis.ipynb executed on the Deno Jupyter kernel. They
// need `npm run build` and `bash e2e/setup.sh` first; the unit tests' config is
// vitest.config.ts.

import { defineConfig } from 'vitest/config';
import type { TestModule } from 'vitest/node';
import type { Reporter } from 'vitest/reporters';

/** Ends the run with one line, `e2e: N passed, M failed`, as .ci/run does for the unit tests. */
class SummaryLine implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failed = unhandledErrors.length;
    for (const module of testModules) {
      let moduleFailed = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') moduleFailed += 1;
      }
      // A file that fails to load, or whose beforeAll fails (its tests are then skipped), counts
      // as one failure.
      if (moduleFailed === 0 && module.state() === 'failed') moduleFailed = 1;
      failed += moduleFailed;
    }
    if (passed === 0 && failed === 0) failed = 1;
    console.log(`e2e: ${passed} passed, ${failed} failed`);
  }
}

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The browser and the Jupyter kernel each want a core; two files, so at most two at once.
    maxWorkers: 2,
    reporters: ['default', new SummaryLine()],
  },
});
