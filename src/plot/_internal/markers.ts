import { formatNumber } from './svg.js';

// Internal: the outlines of point markers, as SVG path data, so each marker is one `<path>`
// whatever its shape. Shapes differ as well as colours, so the markers are told apart without
// colour vision (and in greyscale print).

/** A marker shape; `cross` is drawn with a stroke only, the others are filled. */
export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'cross' | 'arrow';

/**
 * Path data of a marker of `shape` centred on (cx, cy), about `size` pixels across (shapes are
 * scaled so that they look of one size). `arrow` points right, starting at cx: it marks an open
 * end, such as follow-up that goes on.
 */
export function markerPath(shape: MarkerShape, cx: number, cy: number, size: number): string {
  const f = formatNumber;
  switch (shape) {
    case 'circle': {
      const r = size / 2;
      return `M${f(cx - r)},${f(cy)}a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0z`;
    }
    case 'square': {
      const h = size * 0.42;
      return `M${f(cx - h)},${f(cy - h)}h${f(2 * h)}v${f(2 * h)}h${f(-2 * h)}z`;
    }
    case 'diamond': {
      const h = size * 0.6;
      return `M${f(cx)},${f(cy - h)}l${f(h)},${f(h)}l${f(-h)},${f(h)}l${f(-h)},${f(-h)}z`;
    }
    case 'triangle': {
      const h = size * 0.6;
      return `M${f(cx)},${f(cy - h)}L${f(cx + h)},${f(cy + 0.8 * h)}H${f(cx - h)}z`;
    }
    case 'cross': {
      const h = size * 0.4;
      return `M${f(cx - h)},${f(cy - h)}l${f(2 * h)},${f(2 * h)}m0,${f(-2 * h)}l${f(-2 * h)},${f(2 * h)}`;
    }
    case 'arrow': {
      const h = size / 2;
      return `M${f(cx)},${f(cy - h)}l${f(1.6 * h)},${f(h)}l${f(-1.6 * h)},${f(h)}z`;
    }
  }
}
