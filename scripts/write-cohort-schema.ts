// Writes fixtures/cohort.schema.json from the zod schema: npm run schema
import { writeFileSync } from 'node:fs';
import { cohortJsonSchema } from '../src/model/cohort-schema.js';

writeFileSync('fixtures/cohort.schema.json', `${JSON.stringify(cohortJsonSchema(), null, 2)}\n`);
console.log('wrote fixtures/cohort.schema.json');
