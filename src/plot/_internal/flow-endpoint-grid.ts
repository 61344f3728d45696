import {
  boxHeight,
  counted,
  exitLines,
  flowArrow,
  flowBox,
  flowLine,
  mainLines,
} from './flow-box.js';
import type { FlowColumns, LaidOut } from './flow-main-column.js';
import type { FlowStages } from './read-patient-flow.js';
import { formatNumber } from './svg.js';

// Internal: the endpoints of the patient-flow diagram, side by side under the operated
// patients and wrapping to further rows: each endpoint a cell of its evaluable patients (blue)
// over those excluded from its analysis, with reasons (vermillion), as CONSORT's "Analysed /
// Excluded from analysis" box. A line from the operated box runs along the top of each row
// (down a spine on the left when there are several rows), with an arrow into each cell.

/** The narrowest cell before the endpoints wrap to another row. */
const MIN_CELL = 180;
const CELL_GAP = 16;
const SPINE_ROOM = 14; // left of the cells, for the spine feeding the rows
const DROP = 20; // from the row's line down to its boxes
const ROW_GAP = 16;

/** How many cells a row holds, their width and where the first starts. */
export interface EndpointGrid {
  readonly perRow: number;
  readonly rows: number;
  readonly cellW: number;
  readonly left: number;
}

/**
 * The grid for `n` endpoints: as many cells per row as fit at least 180 pixels wide, each at
 * most as wide as the main column; one row starts under the main column, several leave room
 * for the spine on the left.
 */
export function endpointGrid(n: number, c: FlowColumns): EndpointGrid {
  const width = c.right - c.left - SPINE_ROOM;
  const perRow = Math.max(1, Math.min(n, Math.floor((width + CELL_GAP) / (MIN_CELL + CELL_GAP))));
  const rows = Math.ceil(n / perRow);
  const cellW = Math.min(c.mainW, (width - (perRow - 1) * CELL_GAP) / perRow);
  return { perRow, rows, cellW, left: rows > 1 ? c.left + SPINE_ROOM : c.mainX };
}

/**
 * Lays the endpoint cells out in rows from `top` (the bottom of the operated box), fed from
 * (`trunkX`, `top`). Nothing when there are no endpoints.
 */
export function layOutEndpoints(
  endpoints: FlowStages['endpoints'],
  c: FlowColumns,
  top: number,
  trunkX: number,
): LaidOut {
  if (endpoints.length === 0) return { markup: '', bottom: top };
  const grid = endpointGrid(endpoints.length, c);
  const spineX = c.left + 4;
  const f = formatNumber;
  const parts: string[] = [];
  let busY = top + 16;
  let d = `M${f(trunkX)},${f(top)}V${f(busY)}`;
  let bottom = top;
  for (let r = 0; r < grid.rows; r++) {
    const row = endpoints.slice(r * grid.perRow, (r + 1) * grid.perRow);
    const boxTop = busY + DROP;
    let rowH = 0;
    let lastCx = trunkX;
    row.forEach((ep, k) => {
      const x = grid.left + k * (grid.cellW + CELL_GAP);
      const cx = x + grid.cellW / 2;
      const main = [
        ...mainLines(ep.endpoint, grid.cellW, true),
        ...mainLines(counted('Evaluable', ep.evaluable), grid.cellW, false),
      ];
      const side = exitLines(ep.exits, grid.cellW);
      const mainH = boxHeight(main.length);
      parts.push(
        flowArrow(cx, busY, cx, boxTop),
        flowBox('flow-endpoint', x, boxTop, grid.cellW, main),
        flowBox('flow-exit', x, boxTop + mainH, grid.cellW, side),
      );
      rowH = Math.max(rowH, mainH + boxHeight(side.length));
      lastCx = cx;
    });
    // The row's line: from the spine (or the trunk, for one row) to the last cell's centre.
    const from = grid.rows > 1 ? spineX : Math.min(trunkX, grid.left + grid.cellW / 2);
    const to = r === 0 ? Math.max(trunkX, lastCx) : lastCx;
    d += `M${f(from)},${f(busY)}H${f(to)}`;
    bottom = boxTop + rowH;
    if (r < grid.rows - 1) busY = bottom + ROW_GAP;
  }
  if (grid.rows > 1) d += `M${f(spineX)},${f(top + 16)}V${f(busY)}`;
  parts.unshift(flowLine(d, 'flow-bus'));
  return { markup: parts.join(''), bottom };
}
