import { Op } from "../assembly/opcodes";

/**
 * A node of an evaluation plan: an opcode, its numeric parameters and, for composites, child
 * nodes. Plans are built once by a schedule and evaluated in bulk by the WASM core.
 *
 * @example
 * ```ts
 * import { Op, planNode, type PlanNode } from "@lrsched/core";
 * const node: PlanNode = planNode(Op.Cosine, [0.1, 1000, 0]);
 * node.params; // → [0.1, 1000, 0]
 * ```
 */
export interface PlanNode {
  readonly op: Op;
  readonly params: readonly number[];
  readonly children: readonly PlanNode[];
}

/**
 * A frozen plan node: opcode, parameters, children.
 *
 * @example
 * ```ts
 * import { Op, planNode } from "@lrsched/core";
 * // cosine decay from 0.1 over 1000 steps, alpha 0
 * planNode(Op.Cosine, [0.1, 1000, 0]).children.length; // → 0
 * ```
 */
export function planNode(op: Op, params: readonly number[], children: readonly PlanNode[] = []): PlanNode {
  return Object.freeze({ op, params: Object.freeze([...params]), children: Object.freeze([...children]) });
}

/** Words a node occupies when encoded: header (op, size) + params + children. */
function sizeOf(node: PlanNode): number {
  let size = 2 + node.params.length;
  for (const child of node.children) size += sizeOf(child);
  return size;
}

/**
 * Scratch levels a node needs beyond its own output buffer: Multiply evaluates its second
 * factor one level up; NoisyLinearCosine uses one level for a second factor; LinearCosine and
 * Cyclic two, for the f64 passes (an output and a factor) where their blocks do not fit.
 *
 * @example
 * ```ts
 * import { Op, planNode, scratchLevels } from "@lrsched/core";
 * const c = planNode(Op.Constant, [0.5]);
 * scratchLevels(planNode(Op.Multiply, [], [c, c])); // → 1
 * ```
 */
export function scratchLevels(node: PlanNode): number {
  switch (node.op) {
    case Op.Multiply:
      return Math.max(scratchLevels(node.children[0]), 1 + scratchLevels(node.children[1]));
    case Op.NoisyLinearCosine:
      return 1;
    case Op.LinearCosine:
    case Op.Cyclic:
      return 2;
    default:
      return node.children.reduce((m, c) => Math.max(m, scratchLevels(c)), 0);
  }
}

/**
 * Encodes a plan as the flat f64 words the core reads.
 *
 * @example
 * ```ts
 * import { encodePlan, Op, planNode } from "@lrsched/core";
 * Array.from(encodePlan(planNode(Op.Constant, [0.1]))); // → [1, 3, 0.1]
 * ```
 */
export function encodePlan(root: PlanNode): Float64Array {
  const words = new Float64Array(sizeOf(root));
  const write = (node: PlanNode, offset: number): number => {
    const size = sizeOf(node);
    words[offset] = node.op;
    words[offset + 1] = size;
    let p = offset + 2;
    for (const v of node.params) words[p++] = v;
    for (const child of node.children) p = write(child, p);
    return offset + size;
  };
  write(root, 0);
  return words;
}
