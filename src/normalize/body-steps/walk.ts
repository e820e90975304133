/**
 * One walk over the tree in document order that hands each node to the step
 * for its type. Nodes inside removed ranges are skipped with their children,
 * and so are the children of a node a step replaced whole. Results come back
 * in document order, which is the order the notes are reported in.
 */
import type { Nodes, Root } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import type { BodyContext, NodeStep, StepResult } from "./step";

/** The step for each node type that has one. */
export type NodeSteps = { [T in Nodes["type"]]?: NodeStep<Extract<Nodes, { type: T }>> };

export function walkNodes(tree: Root, context: BodyContext, steps: NodeSteps): StepResult[] {
  const results: StepResult[] = [];
  visit(tree, (node, _index, parent) => {
    if (node.type === "root") return;
    if (context.isRemoved(node)) return SKIP;
    const step = steps[node.type] as NodeStep<Nodes> | undefined;
    const result = step?.(node, context, parent);
    if (result === undefined) return;
    results.push(result);
    return result.skip ? SKIP : undefined;
  });
  return results;
}
