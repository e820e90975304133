/**
 * Walks a page with the Tab key and checks that every stop shows a focus
 * indicator a sighted keyboard user can see: an outline (or box shadow) at
 * least 2 px wide whose colour has a 3:1 contrast with the page background
 * (WCAG 2.4.7, and the contrast of 1.4.11), on an element that is on screen.
 * SVG links cannot rely on outlines across browsers; they pass when their
 * shape's stroke is at least 3 px (twice the resting width used in the
 * learning-path picture) with the same 3:1 contrast.
 */
import type { Page } from "@playwright/test";

export interface FocusWalk {
  /** A short description of each element focused, in tab order. */
  stops: string[];
  /** One line per stop without a visible indicator. */
  problems: string[];
  /** Interactive elements on the page that Tab never reached. */
  unreached: string[];
}

/** Elements a keyboard user can act on. */
const INTERACTIVE = "a[href], button, input, select, textarea, summary, [tabindex]";

export async function walkFocus(page: Page, maxStops = 400): Promise<FocusWalk> {
  const stops: string[] = [];
  const problems: string[] = [];
  for (let step = 0; step < maxStops; step++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(inspectFocus);
    if (stop === null || stop.seenBefore) break;
    stops.push(stop.name);
    if (stop.problem) problems.push(`${stop.name}: ${stop.problem}`);
  }
  const unreached = await page.evaluate((selector) => {
    const describe = (element: Element) =>
      `<${element.tagName.toLowerCase()}> "${(element.textContent ?? "").trim().slice(0, 40) || element.getAttribute("aria-label") || ""}"`;
    return [...document.querySelectorAll(selector)]
      .filter((element) => {
        const html = element as HTMLElement;
        if (html.tabIndex < 0 || html.matches(":disabled")) return false;
        if (html.closest("[inert]") || !html.checkVisibility({ visibilityProperty: true })) return false;
        // A summary is focusable only as the first summary of its details.
        if (html.tagName === "SUMMARY" && html.parentElement?.querySelector("summary") !== html) return false;
        return !html.hasAttribute("data-focus-seen");
      })
      .map(describe);
  }, INTERACTIVE);
  return { stops, problems, unreached };
}

/** Runs in the page: describes document.activeElement and what is wrong with its focus indicator. */
function inspectFocus(): { name: string; seenBefore: boolean; problem: string | null } | null {
  const element = document.activeElement as HTMLElement | null;
  if (!element || element === document.body || element === document.documentElement) return null;
  const text = (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
  const name = `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}> "${text || element.getAttribute("aria-label") || ""}"`;
  const seenBefore = element.hasAttribute("data-focus-seen");
  element.setAttribute("data-focus-seen", "");

  const rgba = (colour: string): number[] => {
    const parts = colour.match(/[\d.]+/g)?.map(Number) ?? [];
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const luminance = ([r, g, b]: number[]) => {
    const channel = (value: number) => {
      const v = value / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
  };
  const contrast = (a: number[], b: number[]) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light! + 0.05) / (dark! + 0.05);
  };
  const pageBackground = () => {
    for (const candidate of [document.body, document.documentElement]) {
      const colour = rgba(getComputedStyle(candidate).backgroundColor);
      if (colour[3]! > 0) return colour;
    }
    return [255, 255, 255, 1];
  };

  const style = getComputedStyle(element);
  const rect = element.getBoundingClientRect();
  const onScreen =
    rect.width > 0 &&
    rect.height > 0 &&
    rect.bottom > 0 &&
    rect.right > 0 &&
    rect.top < innerHeight &&
    rect.left < innerWidth;
  const checkColour = (what: string, value: string) => {
    const colour = rgba(value);
    const ratio = contrast(colour, pageBackground());
    if (colour[3] === 0) return `has a transparent ${what}`;
    if (ratio < 3) return `has a ${what} with a contrast of ${ratio.toFixed(2)}:1 to the page (needs 3:1)`;
    return null;
  };
  const shape = element instanceof SVGElement ? element.querySelector("rect, circle, ellipse, path, polygon") : null;
  const shapeStyle = shape ? getComputedStyle(shape) : null;
  let problem: string | null = null;
  if (!onScreen) problem = "is focused but not on screen";
  else if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) {
    problem = checkColour("outline", style.outlineColor);
  } else if (shapeStyle && shapeStyle.stroke !== "none" && parseFloat(shapeStyle.strokeWidth) >= 3) {
    problem = checkColour("stroke", shapeStyle.stroke);
  } else if (style.boxShadow === "none") {
    problem = `shows no focus indicator (outline: ${style.outlineStyle} ${style.outlineWidth}, no box shadow)`;
  }
  return { name, seenBefore, problem };
}
