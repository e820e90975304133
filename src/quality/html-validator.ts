/**
 * html-validate with its "standard" preset: the HTML standard's content
 * models (no <div> inside <code>), unique ids, closed elements, valid
 * attributes. One line per problem, with the file, line and column.
 */
import { HtmlValidate } from "html-validate";

const validator = new HtmlValidate({ extends: ["html-validate:standard"] });

export async function validateHtml(html: string, file: string): Promise<string[]> {
  const report = await validator.validateString(html, file);
  return report.results.flatMap((result) =>
    result.messages.map(
      (message) => `${file}:${message.line}:${message.column}: ${message.message} (${message.ruleId})`,
    ),
  );
}
