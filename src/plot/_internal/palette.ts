// Internal: colours. Okabe & Ito's colour-blind-safe palette ("Color Universal Design", 2008),
// ordered for lines on white (yellow last: it has the least contrast).

/** Okabe-Ito colours in the order curves take them. */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#000000', // black
  '#F0E442', // yellow
] as const;

/** Dash patterns taken, in turn, once the eight colours are used up. */
const DASHES = [undefined, '7 4', '2 3'] as const;

/** Colour and dash pattern of the i-th series (0-based); colours repeat with a new dash after 8. */
export function seriesStyle(i: number): { colour: string; dash: string | undefined } {
  return {
    colour: OKABE_ITO[i % OKABE_ITO.length]!,
    dash: DASHES[Math.floor(i / OKABE_ITO.length) % DASHES.length],
  };
}
