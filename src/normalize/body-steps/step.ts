/**
 * What every body step shares: the source and the plan worked out from the
 * whole tree before any node is edited (see ../body.ts), and the shape of what
 * a step returns. Steps only describe changes; the pipeline applies them.
 */
import type { Code, Html, Nodes, Parents, Text } from "mdast";
import type { Edit } from "../edits";
import type { Note } from "../notes";
import type { AssetPlan } from "./assets";
import type { LinkTargets } from "./link-targets";

/** A repair reported once per kind, with every line it happened on (see `finishBody`). */
export interface Repair {
  message: string;
  line: number;
}

/** What one step does: edits to the source, notes for the person importing, repairs to count. */
export interface StepResult {
  edits?: Edit[];
  notes?: Note[];
  repairs?: Repair[];
  /** The edits replace the whole node: leave its children alone. */
  skip?: boolean;
}

/** Facts about the whole body that the node steps read. */
export interface BodyContext {
  /** The (mojibake-repaired) source; every node position is an offset into it. */
  text: string;
  knownIds: ReadonlySet<string>;
  links: LinkTargets;
  /** Inside a range that is deleted as a whole (frontmatter, title, sections, dead navigation lines). */
  isRemoved: (node: Nodes) => boolean;
  /** Levels to add to every heading so the body starts at H2. */
  headingShift: number;
  /** The last text of each kept heading, which may carry a trailing colon. */
  headingEnds: ReadonlySet<Text>;
  /** Raw HTML nodes kept as HTML (safe elements, balanced): see html.ts. */
  keptHtml: ReadonlySet<Html>;
  /** What becomes of each image URL: kept, copied next to the lesson, or missing. */
  images: AssetPlan;
  /** Fences shown as a code block's output ("Output:" before them): they become ```output blocks. */
  outputFences: ReadonlySet<Code>;
  /** Start offsets of the top-level blocks that MDX would read as ESM. */
  esmStarts: ReadonlySet<number>;
}

/** A step run on every node of one type, in document order. */
export type NodeStep<T extends Nodes> = (
  node: T,
  context: BodyContext,
  parent: Parents | undefined,
) => StepResult | undefined;
