// Helpers of the patient-flow, PSA-trajectory and swimmer plot tests: the attributes of the
// elements of one class, read back from the SVG text, to check where things were drawn.

/** One element's attributes (as written, unescaped only by the regex) and its `<title>`. */
export interface Drawn {
  readonly attrs: Readonly<Record<string, string>>;
  /** Numeric attribute `name`; throws if it is missing. */
  num(name: string): number;
  /** The text of its `<title>` child, if any. */
  readonly title: string | null;
}

/** Every `<tag class="cls" ...>` in document order. */
export function elementsOf(svg: string, tag: string, cls: string): Drawn[] {
  const re = new RegExp(`<${tag} class="${cls}"([^>]*?)(/>|>(?:<title>([^<]*)</title>)?)`, 'g');
  return [...svg.matchAll(re)].map((m) => {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/\s([^\s=]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    return {
      attrs,
      title: m[3] ?? null,
      num(name: string): number {
        const v = attrs[name];
        if (v === undefined) throw new Error(`no attribute ${name} on ${tag}.${cls}`);
        return Number(v);
      },
    };
  });
}

/** The centre of a square marker path `M(x),(y)h(w)v(w)...z` (markers.ts's square). */
export function squareCentre(d: string): { x: number; y: number } {
  const m = /^M(-?[\d.]+),(-?[\d.]+)h([\d.]+)/.exec(d);
  if (!m) throw new Error(`not a square marker: ${d}`);
  return { x: Number(m[1]) + Number(m[3]) / 2, y: Number(m[2]) + Number(m[3]) / 2 };
}

/** The y of the left-axis tick labelled `label` (labels sit 4 pixels below their tick). */
export function yTick(svg: string, label: string): number {
  const m = new RegExp(
    `<text x="[\\d.]+" y="([\\d.]+)" text-anchor="end" fill="#333333">${label.replace('.', '\\.')}</text>`,
  ).exec(svg);
  if (!m) throw new Error(`no y tick ${label}`);
  return Number(m[1]) - 4;
}

/** The x of the bottom-axis tick labelled `label` (a centred label under its tick). */
export function xTick(svg: string, label: string): number {
  const m = new RegExp(
    `<text x="([\\d.]+)" y="[\\d.]+" text-anchor="middle" fill="#333333">${label}</text>`,
  ).exec(svg);
  if (!m) throw new Error(`no x tick ${label}`);
  return Number(m[1]);
}
