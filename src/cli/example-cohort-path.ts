import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled synthetic example cohort, beside the build (dist/) or the sources (src/cli/). */
export function exampleCohortPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [
    '../examples/example-cohort.json',
    '../../examples/example-cohort.json',
  ]) {
    const path = join(here, candidate);
    if (existsSync(path)) return path;
  }
  throw new Error('the bundled example cohort (examples/example-cohort.json) is missing');
}
