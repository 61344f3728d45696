/** The renderings a result can give of itself. */
export interface DisplayViews {
  /** Plain text: Jupyter's `text/plain` and Node's console form. */
  readonly text: () => string;
  /** An HTML fragment (no page around it); every data string escaped. */
  readonly html: () => string;
  /** GitHub-flavoured Markdown. */
  readonly markdown: () => string;
  /** For results with a picture (curves, boundaries). */
  readonly svg?: () => string;
}

/** `Symbol.for('Jupyter.display')`: the method Deno's Jupyter kernel calls to show a value. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display');

/** A MIME bundle, as Jupyter's display protocol takes it. */
export type MimeBundle = Readonly<Record<string, string>>;

/**
 * The display members a result carries, all non-enumerable: `JSON.stringify` of the result is
 * its plain data, and a spread copy drops them.
 */
export interface Displayable {
  /** Deno's Jupyter kernel calls this to show the value: text/plain, text/html, image/svg+xml. */
  [JUPYTER_DISPLAY](): MimeBundle;
  /** The result as an HTML fragment, e.g. for `tslab.display.html()`. */
  toHTML(): string;
  /** The result as Markdown. */
  toMarkdown(): string;
  /** The result's picture as a standalone SVG string; only on results with a picture. */
  toSVG?(): string;
}

/** A displayable result that always has a picture. */
export type DisplayableWithSvg = Displayable & {
  /** The result's picture as a standalone SVG string. */
  toSVG(): string;
};

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Attaches display members to a result object, in place, and returns it: Jupyter's
 * `Symbol.for('Jupyter.display')` (a MIME bundle with `text/plain`, `text/html` and, when there
 * is a picture, `image/svg+xml`), `toHTML()`, `toMarkdown()`, `toSVG()` for tslab users, and
 * Node's `util.inspect.custom` for a readable console form. The members are non-enumerable,
 * so the result's data (keys, JSON) is unchanged. Rendering happens only when asked for.
 *
 * @param value - a freshly built result (not the caller's input).
 * @param views - how to render it.
 * @returns `value`, typed as also `Displayable`.
 * @example attachDisplay(fit, { text: () => 'KM fit', html: () => '<p>KM</p>', markdown: () => 'KM' });
 */
export function attachDisplay<T extends object>(value: T, views: DisplayViews): T & Displayable {
  const hidden = (fn: unknown) => ({
    value: fn,
    enumerable: false,
    writable: true,
    configurable: true,
  });
  Object.defineProperties(value, {
    [JUPYTER_DISPLAY]: hidden(() => {
      const bundle: Record<string, string> = {
        'text/plain': views.text(),
        'text/html': views.html(),
      };
      if (views.svg !== undefined) bundle['image/svg+xml'] = views.svg();
      return bundle;
    }),
    toHTML: hidden(() => views.html()),
    toMarkdown: hidden(() => views.markdown()),
    ...(views.svg === undefined ? {} : { toSVG: hidden(() => (views.svg as () => string)()) }),
    [INSPECT]: hidden(() => views.text()),
  });
  return value as T & Displayable;
}
