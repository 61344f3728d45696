// A report as a list of blocks that know nothing of their output format: the Markdown and HTML
// renderers walk the same blocks, so the two can never disagree about a number.

/** One piece of a rendered report. Text is plain: each renderer escapes it for its format. */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Columns to right-align (numbers). */
      readonly numeric?: readonly number[];
    }
  | {
      readonly kind: 'figure';
      /** File name the SVG is written to beside report.md, e.g. `plots/safety.svg`. */
      readonly file: string;
      readonly svg: string;
      readonly caption: string;
    }
  | {
      readonly kind: 'callout';
      /** `ok` green, `warn` amber (a caveat the reader must see), `alert` red, `note` blue. */
      readonly tone: 'ok' | 'warn' | 'alert' | 'note';
      readonly text: string;
    };
