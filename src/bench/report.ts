/** Markdown tables and number formats for the benchmark report. */

export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: string): string {
  const separator = header.map((_, index) => (align?.[index] === "r" ? "---:" : "---"));
  return [header, separator, ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
export const mib = (bytes: number) => (bytes > 0 ? `${(bytes / 1024 / 1024).toFixed(0)} MiB` : "n/a");
export const seconds = (value: number) => `${value.toFixed(2)} s`;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
