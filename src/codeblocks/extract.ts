/**
 * Finds the Python code blocks of an MDX lesson, with their settings and the
 * ```output block that follows each one. Parsing with the MDX grammar (not a
 * regex) means a fence inside JSX or a list is found exactly as the site
 * renders it, and every block knows its lines in the file.
 */
import type { Code, Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { parseSettings, SettingsError, type BlockSettings } from "./settings";

export const RUN_LANGUAGE = "python";
export const OUTPUT_LANGUAGE = "output";

/** A fenced block's place in its file: 1-based fence lines and 0-based character offsets. */
export interface Span {
  start: number;
  end: number;
  startOffset: number;
  endOffset: number;
}

export interface OutputBlock extends Span {
  text: string;
}

export interface CodeBlock extends Span {
  /** The file as the reader should see it, e.g. content/lessons/intro.mdx. */
  file: string;
  /** `file:start-end`: the test name and how failures point at the block. */
  name: string;
  code: string;
  /** Line of the first line of code (the line after the opening fence). */
  firstCodeLine: number;
  settings: BlockSettings;
  output?: OutputBlock;
}

/** Bad input in a lesson: names the file and line, and says what to do. */
export class ExtractError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    reason: string,
  ) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${reason}`);
  }
}

function span(node: Code): Span {
  const { start, end } = node.position!;
  return { start: start.line, end: end.line, startOffset: start.offset!, endOffset: end.offset! };
}

function parse(text: string, file: string): Root {
  try {
    return unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx).parse(text);
  } catch (error) {
    const { line, reason = String(error) } = error as { line?: number; reason?: string };
    // Some MDX messages carry their place only in the text: "... (3:1-3:6)".
    const quoted = /\((\d+):\d+/.exec(reason)?.[1];
    throw new ExtractError(file, line ?? (quoted ? Number(quoted) : undefined), `not valid MDX: ${reason}`);
  }
}

/** Every Python block of one MDX file, in order, each with its output block. */
export function extractBlocks(text: string, file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  visit(parse(text, file), "code", (node, index, parent) => {
    const fence = span(node);
    if (node.lang === OUTPUT_LANGUAGE) {
      const previous = index === undefined ? undefined : parent?.children[index - 1];
      if (previous?.type !== "code" || previous.lang !== RUN_LANGUAGE) {
        throw new ExtractError(
          file,
          fence.start,
          `this output block does not directly follow a \`\`\`${RUN_LANGUAGE} block; move it under the code it belongs to.`,
        );
      }
      return;
    }
    if (node.lang !== RUN_LANGUAGE) return;

    let settings: BlockSettings;
    try {
      settings = parseSettings(node.meta);
    } catch (error) {
      if (error instanceof SettingsError) throw new ExtractError(file, fence.start, error.message);
      throw error;
    }
    const next = index === undefined ? undefined : parent?.children[index + 1];
    const output =
      next?.type === "code" && next.lang === OUTPUT_LANGUAGE ? { ...span(next), text: next.value } : undefined;
    const block: CodeBlock = {
      ...fence,
      file,
      name: `${file}:${fence.start}-${fence.end}`,
      code: node.value,
      firstCodeLine: fence.start + 1,
      settings,
      ...(output && { output }),
    };
    checkPlacement(block, blocks.at(-1));
    blocks.push(block);
  });
  return blocks;
}

function checkPlacement(block: CodeBlock, previous: CodeBlock | undefined): void {
  const { file, start, settings } = block;
  if (settings.skip !== undefined && block.output) {
    throw new ExtractError(
      file,
      block.output.start,
      "a skipped block cannot have an output block: nothing would check it. Remove the output block or the skip.",
    );
  }
  if (!settings.continue) return;
  if (!previous) {
    throw new ExtractError(
      file,
      start,
      "`continue` on the first Python block of the file: there is nothing to continue.",
    );
  }
  if (previous.settings.skip !== undefined) {
    throw new ExtractError(
      file,
      start,
      `this block continues ${previous.name}, which is skipped; skip this block too, or run both.`,
    );
  }
  if (settings.skip !== undefined) {
    throw new ExtractError(file, start, "a block cannot both `continue` and `skip`; keep one.");
  }
}

/**
 * Groups blocks into the runs that share one Python process: a block and the
 * `continue` blocks right after it.
 */
export function chains(blocks: readonly CodeBlock[]): CodeBlock[][] {
  const result: CodeBlock[][] = [];
  for (const block of blocks) {
    if (block.settings.continue && result.length > 0) result.at(-1)!.push(block);
    else result.push([block]);
  }
  return result;
}
