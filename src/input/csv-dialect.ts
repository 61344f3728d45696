// The CSV dialects a cohort export may be written in (docs/data-format.md, "Dialects"). Never
// guessed from the data: a semicolon file with a decimal comma is read only when the caller says
// `de`, since `1.234` and `01.02.2024` mean different things in the two dialects.

/**
 * How the CSV files of an export are written:
 * - `'standard'` (default): comma separator, decimal point (`1.25`), dates `YYYY-MM-DD`;
 * - `'de'`: the German/Swiss spreadsheet export (Excel with a German locale): semicolon
 *   separator, decimal comma (`1,25`), dates `DD.MM.YYYY` (`10.01.2024`, also `1.2.2024`).
 */
export type CsvDialect = 'standard' | 'de';

/** Every {@link CsvDialect}. */
export const CSV_DIALECTS: readonly CsvDialect[] = Object.freeze(['standard', 'de']);

/** The rules of one dialect, as the reader applies them. */
export interface DialectRules {
  readonly name: CsvDialect;
  /** Field separator. */
  readonly separator: ',' | ';';
  /** Decimal separator of numbers. */
  readonly decimal: '.' | ',';
  /** How a date is written. */
  readonly date: 'YYYY-MM-DD' | 'DD.MM.YYYY';
}

export const DIALECT_RULES: Readonly<Record<CsvDialect, DialectRules>> = Object.freeze({
  standard: { name: 'standard', separator: ',', decimal: '.', date: 'YYYY-MM-DD' },
  de: { name: 'de', separator: ';', decimal: ',', date: 'DD.MM.YYYY' },
});

/**
 * The hint added to the standard dialect's messages about a semicolon, a decimal comma or a
 * day-first date: the export is probably German/Swiss, and there is a way to read it as it is.
 */
export const DE_DIALECT_HINT = "--csv-dialect de (csvDialect: 'de') reads a German/Swiss export";
