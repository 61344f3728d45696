import * as z from 'zod/mini';
import { FILE_NAMES } from './csv-layout.js';

// The shape of a column mapping file (docs/data-format.md, "Column mappings"): per file of the
// layout, which export column is which of ours, what the export's codes mean, which checkbox
// columns make a list, and which export columns are left out on purpose. The rules between the
// parts (a column of the layout, a value the column's reader accepts, nothing mapped twice) are
// resolve-column-mapping.ts's, where each problem can name its place.

/** A value a code stands for: the text of a cell as the layout writes it; null for empty. */
export type MappedValue = string | number | boolean | null;

/** The mapping of one file of the layout. */
export interface FileColumnMapping {
  /** Export column → the layout's column (`"record_id": "id"`), names ignoring case. */
  readonly columns?: Readonly<Record<string, string>>;
  /**
   * The layout's column → its codes: export code → the value a cell of the layout holds
   * (`"pathological_stage": { "1": "pT2", "2": "pT3a" }`; null: empty, absent). Codes are
   * matched ignoring case and surrounding spaces; a column with codes accepts no other value.
   */
  readonly values?: Readonly<Record<string, Readonly<Record<string, MappedValue>>>>;
  /**
   * A list column of the layout made from checkbox columns, one per value (REDCap exports a
   * checkbox field as `field___1`, `field___2`, ... holding 1 or 0): the layout's column → {
   * export checkbox column → the value it stands for }.
   */
  readonly checkboxes?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Export columns left out on purpose (`redcap_event_name`): never reported as unknown. */
  readonly ignore?: readonly string[];
}

/** A column mapping: how an export's own columns and codes become this layout. */
export interface ColumnMapping {
  readonly $schema?: string;
  /** What the mapping is for (the export, its version). */
  readonly description?: string;
  /** By the layout's file name (`"patients.csv"`). */
  readonly files: Readonly<
    Partial<Record<(typeof FILE_NAMES)[keyof typeof FILE_NAMES], FileColumnMapping>>
  >;
}

const described = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  schema.check(z.describe(description)) as T;

const fileMappingSchema = z
  .strictObject({
    columns: described(
      z.optional(z.record(z.string(), z.string())),
      "Export column -> the layout's column",
    ),
    values: described(
      z.optional(
        z.record(
          z.string(),
          z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
        ),
      ),
      "The layout's column -> { export code -> the value as the layout writes it; null: empty }",
    ),
    checkboxes: described(
      z.optional(z.record(z.string(), z.record(z.string(), z.string()))),
      'A list column of the layout -> { export checkbox column -> the value it stands for }',
    ),
    ignore: described(z.optional(z.array(z.string())), 'Export columns left out on purpose'),
  })
  .check(z.meta({ id: 'FileColumnMapping' }));

/** The zod schema of a column mapping file. */
export const columnMappingSchema = z.strictObject({
  $schema: z.optional(z.string()),
  description: z.optional(z.string()),
  files: z.strictObject(
    Object.fromEntries(
      Object.values(FILE_NAMES).map((name) => [name, z.optional(fileMappingSchema)]),
    ) as Record<string, z.ZodMiniOptional<typeof fileMappingSchema>>,
  ),
});

/**
 * The JSON Schema (draft 2020-12) of a column mapping file, emitted from the zod schema the
 * reader checks mappings with, so the two cannot drift apart; `slnd-stats schema --mapping`
 * prints it. A mapping file may name it in `$schema` for an editor's completion.
 *
 * @returns the JSON Schema, a plain object.
 * @example
 * const schema = columnMappingJsonSchema();
 * schema.required; // => ['files']
 */
export function columnMappingJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(columnMappingSchema),
    title: 'slnd-stats column mapping',
    description:
      "How an export's own columns and codes (REDCap, an EDC, a spreadsheet) become the CSV layout of docs/data-format.md.",
  };
}
