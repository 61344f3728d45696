import { boxHeight, counted, exitLines, flowArrow, flowBox, mainLines } from './flow-box.js';
import type { FlowExits, FlowStages } from './read-patient-flow.js';

// Internal: the main column of the patient-flow diagram (assessed, enrolled, operated), with
// the side box of the patients leaving between two stages beside the gap between them.

/** Horizontal geometry of the diagram. */
export interface FlowColumns {
  /** Left edge and width of the diagram inside its margins. */
  readonly left: number;
  readonly right: number;
  readonly mainX: number;
  readonly mainW: number;
  readonly sideX: number;
  readonly sideW: number;
}

/** A part of the diagram laid out: its markup and the y where it ends. */
export interface LaidOut {
  readonly markup: string;
  readonly bottom: number;
}

const MARGIN = 16;
const COLUMN_GAP = 48; // between the main column and the side boxes: room for the arrows
const STAGE_GAP = 32; // between two main boxes with no side box

/** The main column takes 45% of the width inside the margins and the arrows' gap; side boxes the rest. */
export function flowColumns(width: number): FlowColumns {
  const usable = width - 2 * MARGIN - COLUMN_GAP;
  const mainW = Math.floor(usable * 0.45);
  return {
    left: MARGIN,
    right: width - MARGIN,
    mainX: MARGIN,
    mainW,
    sideX: MARGIN + mainW + COLUMN_GAP,
    sideW: usable - mainW,
  };
}

/**
 * Places the stage boxes top to bottom from `top`: each main box, then the gap to the next,
 * tall enough for the side box centred in it with an arrow from the main line. Ends at the
 * bottom of the last box (the operated patients), from whose centre the endpoints are fed.
 */
export function layOutStages(stages: FlowStages, c: FlowColumns, top: number): LaidOut {
  const trunkX = c.mainX + c.mainW / 2;
  const chain: { text: string; exits: FlowExits | null }[] = [];
  if (stages.assessed !== null) {
    chain.push({
      text: counted('Assessed for eligibility', stages.assessed.count),
      exits: stages.assessed.exits,
    });
  }
  chain.push({ text: counted('Enrolled', stages.enrolled), exits: stages.notOperated });
  chain.push({ text: counted('Underwent sLND', stages.operated), exits: null });

  const parts: string[] = [];
  let y = top;
  chain.forEach((stage, i) => {
    const lines = mainLines(stage.text, c.mainW, false);
    parts.push(flowBox('flow-stage', c.mainX, y, c.mainW, lines));
    y += boxHeight(lines.length);
    if (i === chain.length - 1) return;
    let gap = STAGE_GAP;
    if (stage.exits !== null) {
      const side = exitLines(stage.exits, c.sideW);
      const sideH = boxHeight(side.length);
      gap = Math.max(STAGE_GAP, sideH + 24);
      const sideY = y + (gap - sideH) / 2;
      parts.push(
        flowBox('flow-exit', c.sideX, sideY, c.sideW, side),
        flowArrow(trunkX, sideY + sideH / 2, c.sideX, sideY + sideH / 2),
      );
    }
    parts.push(flowArrow(trunkX, y, trunkX, y + gap));
    y += gap;
  });
  return { markup: parts.join(''), bottom: y };
}
