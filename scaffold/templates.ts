/**
 * Template sets: `templates/init/**` and `templates/api/**`, whose paths are the output paths
 * (`api/{{version}}/{{kindLower}}_types.ts.hbs` lands at `api/v1alpha1/machine_types.ts`). A path
 * segment starting with `dot_` lands as a dotfile (`dot_gitignore.hbs` → `.gitignore`), because
 * npm drops `.gitignore` files from published packages.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { ScaffoldError } from "./errors.js";
import { renderTemplate, type TemplateData } from "./render.js";

/** Which set: what `init`, `create api` or `create webhook` writes. */
export type TemplateSetName = "init" | "api" | "webhook";

/** One template file: its path inside the set (posix separators) and its text. */
export interface TemplateFile {
  readonly templatePath: string;
  readonly source: string;
}

/** One rendered file: where it lands (relative, posix) and what it holds. */
export interface RenderedFile {
  readonly path: string;
  readonly content: string;
  readonly templatePath: string;
}

/** Reads every `*.hbs` below `<templatesDir>/<set>`, sorted by path. */
export function loadTemplateSet(templatesDir: string, set: TemplateSetName): TemplateFile[] {
  const root = join(templatesDir, set);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new ScaffoldError(
      "template-error",
      `${root}: no "${set}" template folder (--templates must hold init/ and api/)`,
      {
        subject: root,
      },
    );
  }
  const files: TemplateFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".hbs")) {
        files.push({ templatePath: relative(root, path).split(sep).join("/"), source: readFileSync(path, "utf8") });
      }
    }
  };
  walk(root);
  return files.sort((a, b) => byCodeUnits(a.templatePath, b.templatePath));
}

/** Orders paths the same way on every machine, whatever its locale. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Renders a whole set, sorted by output path so plans list files in a stable, readable order. */
export function renderSet(files: readonly TemplateFile[], data: TemplateData): RenderedFile[] {
  return files.map((file) => renderFile(file, data)).sort((a, b) => byCodeUnits(a.path, b.path));
}

/** The output path of a template: its path rendered, `.hbs` dropped, `dot_` turned into `.`. */
export function outputPath(templatePath: string, data: TemplateData): string {
  const rendered = renderTemplate(templatePath, data, `path ${templatePath}`);
  return rendered
    .replace(/\.hbs$/, "")
    .split("/")
    .map((segment) => (segment.startsWith("dot_") ? `.${segment.slice("dot_".length)}` : segment))
    .join("/");
}

/** Renders one template file into its output path and content. */
export function renderFile(file: TemplateFile, data: TemplateData): RenderedFile {
  return {
    path: outputPath(file.templatePath, data),
    content: renderTemplate(file.source, data, file.templatePath),
    templatePath: file.templatePath,
  };
}
