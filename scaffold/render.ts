/**
 * Template rendering: one Handlebars environment with its helpers registered here once.
 *
 * Templates produce code, YAML and Markdown, never HTML, so nothing is escaped (`noEscape`), and
 * they run in strict mode: a name the model does not have is an error naming the template,
 * never an empty string in the output.
 */
import Handlebars from "handlebars";
import { ScaffoldError } from "./errors.js";

const handlebars = Handlebars.create();

// The only helper: printing a value as a JSON literal (quoted strings in package.json, YAML and
// TypeScript), so templates never hand-quote a name that could contain a quote.
handlebars.registerHelper("json", (value: unknown) => JSON.stringify(value));

/** The values a template may print. */
export type TemplateData = object;

/** Renders `source` (read from `templateName`, used in errors) with `data`. */
export function renderTemplate(source: string, data: TemplateData, templateName: string): string {
  try {
    const template = handlebars.compile(source, { strict: true, noEscape: true, knownHelpersOnly: false });
    return template(data);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ScaffoldError("template-error", `${templateName}: ${reason}`, { subject: templateName, cause: error });
  }
}
