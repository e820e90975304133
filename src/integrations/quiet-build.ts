/**
 * Keeps the build log to what needs reading. Astro wraps every MDX content
 * entry in a generated `?astroPropagatedAssets` module that starts with the
 * directive "use astro:head-inject", and Rolldown warns for each one that a
 * module-level directive "may not be preserved when bundling": about ten lines
 * per lesson, ten thousand at 1,000 lessons, burying real problems (Astro
 * issue withastro/astro#18087). The directive has no effect any more: Astro
 * 7 finds these modules by their `?astroPropagatedAssets` id (withastro/astro#17095),
 * so losing it in the bundle changes nothing. Only that warning, for that
 * directive in those modules, is dropped; every other log passes through.
 * tests/integration/quiet-build.test.ts fails if a build prints any warning.
 */
import type { AstroIntegration, AstroUserConfig } from "astro";

type BuildOptions = NonNullable<NonNullable<AstroUserConfig["vite"]>["build"]>;
type OnLog = NonNullable<NonNullable<BuildOptions["rolldownOptions"]>["onLog"]>;

const DIRECTIVE = '"use astro:head-inject"';
const PROPAGATED = "?astroPropagatedAssets";

/** True for the one warning this integration drops. */
export function isHeadInjectDirectiveWarning(log: Parameters<OnLog>[1]): boolean {
  return (
    log.code === "MODULE_LEVEL_DIRECTIVE" &&
    log.message.includes(DIRECTIVE) &&
    (log.id ?? log.message).includes(PROPAGATED)
  );
}

const onLog: OnLog = (level, log, handler) => {
  if (level === "warn" && isHeadInjectDirectiveWarning(log)) return;
  handler(level, log);
};

export function quietBuild(): AstroIntegration {
  return {
    name: "lesson-site:quiet-build",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        updateConfig({
          vite: {
            build: {
              rolldownOptions: { onLog },
            },
          },
        });
      },
    },
  };
}
