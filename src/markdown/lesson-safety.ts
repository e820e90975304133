/**
 * Lessons are content, not programs. Lessons come from untrusted authors, and
 * MDX would otherwise run their `import`/`export` lines at build time and put
 * their `{expressions}`, `<script>`, `onclick=` and `javascript:` URLs into the
 * built pages. This Sätteri mdast plugin runs first on the MDX tree and fails
 * the file with every problem it has, each as `file:line:column: what is
 * wrong; what to do`.
 *
 * A lesson may contain Markdown, and of MDX only:
 * - the HTML elements in SAFE_ELEMENTS, each with only its listed attributes,
 *   as literal values (`alt="..."`, never `alt={...}` or `{...props}`);
 * - the components in LESSON_COMPONENTS (none yet);
 * - URLs (links, images, definitions, URL attributes) that are http(s),
 *   mailto or relative: see safe-url.ts;
 * - MDX comments, `{/* ... *\/}`, which it removes (mdx-comments.ts).
 *
 * Sätteri hands a plugin only the node types it has a visitor for, so the
 * check costs nothing on the rest of the tree.
 */
import { pathToFileURL } from "node:url";
import type { Definition, Image, Link } from "mdast";
import {
  mdxToJs,
  type MdastPluginDefinition,
  type MdastPluginEntry,
  type MdastVisitorContext,
  type MdxFlowExpression,
  type MdxJsxFlowElement,
  type MdxJsxTextElement,
  type MdxjsEsm,
  type MdxTextExpression,
} from "satteri";
import { attributeOffsets, pointAt } from "./jsx-attributes";
import { displayPath, LessonError, placeOf, type Problem } from "./lesson-error";
import { MDX_FEATURES } from "./features";
import { isCommentOnly } from "./mdx-comments";
import { isSafeUrl, SAFE_SCHEMES, urlScheme } from "./safe-url";

/** Safe HTML elements a lesson may use, with the attributes each may carry. */
export const SAFE_ELEMENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["details", new Set(["open"])],
  ["summary", new Set<string>()],
  ["kbd", new Set<string>()],
  ["br", new Set<string>()],
  ["sub", new Set<string>()],
  ["sup", new Set<string>()],
  ["mark", new Set<string>()],
  ["abbr", new Set(["title"])],
  ["img", new Set(["src", "alt", "width", "height", "title"])],
]);

/**
 * Components (capitalised JSX names) a lesson may use, with the attributes
 * each may carry. Empty: the project provides no lesson components yet. A
 * component added here must be reviewed as code that runs on every page.
 */
export const LESSON_COMPONENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map();

/** Attributes whose value a browser loads or follows as a URL, on any element. */
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "srcset",
  "action",
  "formaction",
  "poster",
  "cite",
  "data",
  "background",
  "xlink:href",
]);

const SCHEMES_TEXT = [...SAFE_SCHEMES].map((scheme) => `${scheme}:`).join(", ");

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type Position = Problem["position"];

/** Each attribute's position, or the element's where the source does not show it (see jsx-attributes.ts). */
function attributePositions(node: JsxElement, source: string): Position[] {
  const at = node.position;
  const start = at?.start;
  const offsets = start?.offset === undefined ? undefined : attributeOffsets(source, start.offset);
  if (start?.offset === undefined || offsets?.length !== node.attributes.length) return node.attributes.map(() => at);
  const from = { ...start, offset: start.offset };
  return offsets.map((offset) => ({ start: pointAt(source, from, offset) }));
}

function elementProblems(node: JsxElement, source: string): Problem[] {
  const problems: Problem[] = [];
  const at = node.position;
  const places = attributePositions(node, source);
  const name = node.name;
  const allowedNames = [...SAFE_ELEMENTS.keys()].map((element) => `<${element}>`).join(", ");
  let allowedAttributes: ReadonlySet<string> | undefined;
  if (name === null) {
    problems.push({ position: at, message: "a JSX fragment <>...</>: remove the <> and </> around the content" });
  } else if (/^[A-Z]/.test(name) || name.includes(".")) {
    allowedAttributes = LESSON_COMPONENTS.get(name);
    if (allowedAttributes === undefined) {
      const components = LESSON_COMPONENTS.size === 0 ? "none" : [...LESSON_COMPONENTS.keys()].join(", ");
      problems.push({
        position: at,
        message: `the component <${name}> is not allowed in a lesson (allowed components: ${components}); write it in Markdown instead`,
      });
    }
  } else {
    allowedAttributes = SAFE_ELEMENTS.get(name);
    if (allowedAttributes === undefined) {
      problems.push({
        position: at,
        message: `the HTML element <${name}> is not allowed: ${elementHint(name)} (allowed HTML: ${allowedNames})`,
      });
    }
  }

  const tag = name === null ? "<>" : `<${name}>`;
  let alt: string | undefined;
  for (const [index, attribute] of node.attributes.entries()) {
    const where = places[index];
    if (attribute.type === "mdxJsxExpressionAttribute") {
      problems.push({
        position: where,
        message: `the spread attribute {${attribute.value}} on ${tag} would run JavaScript: remove it and write each attribute as name="value"`,
      });
      continue;
    }
    const key = attribute.name;
    const lower = key.toLowerCase();
    if (lower.startsWith("on")) {
      problems.push({
        position: where,
        message: `the ${key} attribute on ${tag} is an event handler (a lesson cannot run scripts): remove the ${lower} attribute`,
      });
      continue;
    }
    if (lower === "style") {
      problems.push({
        position: where,
        message: `the style attribute on ${tag} is not allowed (the site's stylesheet styles lessons): remove it`,
      });
      continue;
    }
    if (attribute.value !== null && typeof attribute.value === "object") {
      problems.push({
        position: where,
        message: `${key}={${attribute.value.value}} on ${tag} is a JavaScript expression: write a literal value, ${key}="..."`,
      });
      continue;
    }
    if (URL_ATTRIBUTES.has(lower) && typeof attribute.value === "string") {
      const problem = urlProblem(attribute.value, `${key}="${attribute.value}" on ${tag}`, where);
      if (problem) problems.push(problem);
    }
    if (allowedAttributes !== undefined && !allowedAttributes.has(key)) {
      const allowed = allowedAttributes.size === 0 ? "none" : [...allowedAttributes].join(", ");
      problems.push({
        position: where,
        message: `the ${key} attribute is not allowed on ${tag} (allowed: ${allowed}): remove it`,
      });
    }
    if (key === "alt" && typeof attribute.value === "string") alt = attribute.value;
  }
  if (name === "img" && (alt === undefined || alt.trim() === "")) {
    problems.push({
      position: at,
      message: `<img> needs a non-empty alt="..." that says what the picture shows (or use Markdown: ![what it shows](url))`,
    });
  }
  return problems;
}

function elementHint(name: string): string {
  switch (name) {
    case "a":
      return "use a Markdown link, [text](https://...)";
    case "script":
    case "iframe":
    case "object":
    case "embed":
    case "form":
    case "input":
    case "button":
    case "style":
    case "link":
    case "meta":
    case "base":
      return "a lesson cannot add scripts, styles, frames or forms; show code in a ``` fence instead";
    default:
      return "write it in Markdown instead";
  }
}

function urlProblem(url: string, what: string, position: Position | undefined): Problem | undefined {
  if (isSafeUrl(url)) return undefined;
  const scheme = urlScheme(url)!;
  const hint =
    scheme === "data"
      ? "put the file in public/ and link it by path"
      : "link to a web page (https://...) or a path on this site";
  return {
    position,
    message: `${what} uses the ${scheme}: scheme; only ${SCHEMES_TEXT} and relative URLs are allowed: ${hint}`,
  };
}

type CheckedNode = MdxjsEsm | MdxFlowExpression | MdxTextExpression | JsxElement | Link | Image | Definition;

function nodeProblems(node: CheckedNode, source: string): Problem[] {
  const at = node.position;
  switch (node.type) {
    case "mdxjsEsm":
      return [
        {
          position: at,
          message: `a line starting with "${node.value.trimStart().split(/\s/, 1)[0]} " is JavaScript to MDX, which lessons may not run: put code in a \`\`\` fence, or reword the sentence so the line does not start with that word`,
        },
      ];
    case "mdxFlowExpression":
    case "mdxTextExpression":
      return [
        {
          position: at,
          message: `{${node.value}} is a JavaScript expression to MDX, which lessons may not run: to show braces write \\{ and \\} (or &#123;), or put it in \`code\``,
        },
      ];
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      return elementProblems(node, source);
    case "link":
      return optional(urlProblem(node.url, `the link to ${node.url}`, at));
    case "image":
      return optional(urlProblem(node.url, `the image ${abbreviate(node.url)}`, at));
    case "definition":
      return optional(urlProblem(node.url, `the link definition [${node.label ?? node.identifier}]`, at));
  }
}

const optional = (problem: Problem | undefined): Problem[] => (problem ? [problem] : []);

/** data: URLs can be long; the scheme and a little of the rest say enough. */
function abbreviate(url: string): string {
  return url.length > 40 ? `${url.slice(0, 37)}...` : url;
}

/**
 * Astro's MDX pipeline turns a `layout:` frontmatter key into an `import` of
 * that path (in @astrojs/markdown-satteri's MDX processor), which would run a
 * module of the author's choosing. The lesson schema has no such key, but the
 * schema is checked elsewhere; refuse it here too.
 */
function frontmatterProblems(ctx: MdastVisitorContext): Problem[] {
  const frontmatter = ctx.data.astro?.frontmatter;
  if (frontmatter === undefined || !Object.hasOwn(frontmatter, "layout")) return [];
  return [
    {
      position: { start: { line: 1, column: 1 } },
      message: `the frontmatter key layout: would make the build import ${JSON.stringify(frontmatter.layout)} as code: remove it (the site gives every lesson its layout)`,
    },
  ];
}

/** The check as a plugin that hands the lesson's problems, in document order, to `done`. */
function checker(done: (problems: Problem[], ctx: MdastVisitorContext) => void): MdastPluginDefinition {
  const problems: Problem[] = [];
  const check = (node: CheckedNode, ctx: MdastVisitorContext): void => {
    problems.push(...nodeProblems(node, ctx.source));
  };
  /** An MDX comment is an editor's note: removed, so it never reaches the page; any other expression is a problem. */
  const checkExpression = (node: MdxFlowExpression | MdxTextExpression, ctx: MdastVisitorContext): void => {
    if (isCommentOnly(node.value)) ctx.removeNode(node);
    else check(node, ctx);
  };
  return {
    name: "lesson-safety",
    // Problems name their line and column.
    options: { position: true },
    before: (_root, ctx) => {
      problems.push(...frontmatterProblems(ctx));
    },
    mdxjsEsm: check,
    mdxFlowExpression: checkExpression,
    mdxTextExpression: checkExpression,
    mdxJsxFlowElement: check,
    mdxJsxTextElement: check,
    link: check,
    image: check,
    definition: check,
    after: (_root, ctx) => done(problems, ctx),
  };
}

function safetyError(problems: Problem[], fileURL: URL | undefined): LessonError {
  const path = displayPath(fileURL);
  const lines = problems.map((problem) => `  ${placeOf(path, problem)}: ${problem.message}`);
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return new LessonError(
    `${path}: a lesson is content, not a program (${count}; see "What a lesson may contain" in README.md):\n${lines.join("\n")}`,
    problems[0]?.position,
  );
}

/**
 * The build's plugin (first in `mdastPlugins`): fails the lesson with all its problems at once.
 * A factory, so that every compiled file gets its own list.
 */
export const lessonSafety: MdastPluginEntry = () =>
  checker((problems, ctx) => {
    if (problems.length > 0) throw safetyError(problems, ctx.fileURL);
  });

/** Every problem of a lesson's MDX (the body, or a whole file with frontmatter), in document order. */
export function lessonSafetyProblems(mdx: string, frontmatter: Record<string, unknown> = {}): Problem[] {
  let found: Problem[] = [];
  mdxToJs(mdx, {
    mdastPlugins: [checker((problems) => (found = problems))],
    features: MDX_FEATURES,
    data: astroData(frontmatter),
  });
  return found;
}

/** Compiles a lesson as the build does, with the safety check first; throws the build's error. */
export function checkLesson(mdx: string, path: string, frontmatter: Record<string, unknown> = {}): void {
  mdxToJs(mdx, {
    mdastPlugins: [lessonSafety],
    features: MDX_FEATURES,
    fileURL: pathToFileURL(path),
    data: astroData(frontmatter),
  });
}

/** What Astro's MDX processor puts in the compile's data bag. */
const astroData = (frontmatter: Record<string, unknown>) => ({
  astro: { frontmatter, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() },
});
