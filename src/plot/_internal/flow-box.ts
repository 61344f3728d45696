import { OKABE_ITO } from './palette.js';
import type { FlowExits } from './read-patient-flow.js';
import { element, formatNumber, textElement } from './svg.js';
import { GLUE, wrapText } from './wrap-text.js';

// Internal: the boxes and arrows of the patient-flow diagram. A box is sized by its lines of
// wrapped text; main boxes (patients at a stage) are blue, side boxes (patients leaving the
// flow, with reasons) vermillion, both Okabe-Ito.

/** Colours of a box kind, also used by the legend. */
export const FLOW_MAIN = { fill: '#E8F1F8', stroke: OKABE_ITO[0] } as const;
export const FLOW_SIDE = { fill: '#FBEEE6', stroke: OKABE_ITO[1] } as const;
const CONNECTOR = '#444444';
const TEXT = '#222222';

const PAD = 8; // inside a box
const LINE = 16; // line height at the 12-pixel font
const BULLET_INDENT = 12;

/** One line of text in a box. */
export interface TextLine {
  readonly text: string;
  readonly bold: boolean;
  /** Draw a bullet before this line (the first line of a reason). */
  readonly bullet: boolean;
  /** Continuation lines of a reason are indented as far as its text. */
  readonly indent: boolean;
}

/** What kind of box: a main stage, an endpoint's evaluable patients, or patients leaving. */
export type FlowBoxKind = 'flow-stage' | 'flow-endpoint' | 'flow-exit';

/** `label (n = count)`, the count kept on one line when the label wraps. */
export function counted(label: string, count: number): string {
  return `${label} (n${GLUE}=${GLUE}${count})`;
}

/** The lines of `text` wrapped to a box `boxWidth` wide. */
export function mainLines(text: string, boxWidth: number, bold: boolean): TextLine[] {
  return wrapText(text, boxWidth - 2 * PAD).map((t) => ({
    text: t,
    bold,
    bullet: false,
    indent: false,
  }));
}

/** The lines of a side box: its heading and total, then one bullet per reason, wrapped. */
export function exitLines(e: FlowExits, boxWidth: number): TextLine[] {
  const lines = mainLines(counted(e.heading, e.total), boxWidth, true);
  for (const r of e.reasons) {
    const wrapped = wrapText(counted(r.reason, r.count), boxWidth - 2 * PAD - BULLET_INDENT);
    wrapped.forEach((text, k) => {
      lines.push({ text, bold: false, bullet: k === 0, indent: true });
    });
  }
  return lines;
}

/** The height of a box holding `lineCount` lines. */
export function boxHeight(lineCount: number): number {
  return 2 * PAD + lineCount * LINE;
}

/** A box with its lines at (x, y), `w` wide: centred in a main box, bulleted in a side box. */
export function flowBox(
  kind: FlowBoxKind,
  x: number,
  y: number,
  w: number,
  lines: readonly TextLine[],
): string {
  const side = kind === 'flow-exit';
  const colours = side ? FLOW_SIDE : FLOW_MAIN;
  const parts = [
    element('rect', {
      class: kind,
      x,
      y,
      width: w,
      height: boxHeight(lines.length),
      fill: colours.fill,
      stroke: colours.stroke,
      'stroke-width': 1.5,
    }),
  ];
  lines.forEach((line, k) => {
    // The baseline sits 12 pixels into a 16-pixel line at the 12-pixel font.
    const ty = y + PAD + k * LINE + 12;
    if (line.bullet) {
      parts.push(textElement({ class: 'flow-bullet', x: x + PAD, y: ty, fill: TEXT }, '•'));
    }
    parts.push(
      textElement(
        {
          class: 'flow-label',
          x: side ? x + PAD + (line.indent ? BULLET_INDENT : 0) : x + w / 2,
          y: ty,
          'text-anchor': side ? undefined : 'middle',
          'font-weight': line.bold ? 'bold' : undefined,
          fill: TEXT,
        },
        line.text,
      ),
    );
  });
  return element('g', {}, parts.join(''));
}

/** A straight connector from (x1, y1) to (x2, y2), down or to the right, with its head. */
export function flowArrow(x1: number, y1: number, x2: number, y2: number): string {
  const f = formatNumber;
  const head =
    x1 === x2
      ? `M${f(x2)},${f(y2)}l-4,-7h8z` // pointing down
      : `M${f(x2)},${f(y2)}l-7,-4v8z`; // pointing right
  return element(
    'g',
    { class: 'flow-arrow' },
    flowLine(`M${f(x1)},${f(y1)}L${f(x2)},${f(y2)}`) +
      element('path', { d: head, fill: CONNECTOR }),
  );
}

/** A connector without a head (the lines feeding the endpoint boxes), as path data `d`. */
export function flowLine(d: string, cls?: string): string {
  return element('path', {
    class: cls,
    d,
    fill: 'none',
    stroke: CONNECTOR,
    'stroke-width': 1.5,
  });
}
