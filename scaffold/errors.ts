/**
 * The one error type of the scaffold library: every refusal (bad input, an existing file, a
 * missing or malformed PROJECT, a failed write) is a `ScaffoldError` whose `code` a caller can
 * switch on and whose message names the flag, file or field and what was expected.
 */

/** What went wrong, as a caller (the CLI, a test) tells refusals apart. */
export type ScaffoldErrorCode =
  | "invalid-input"
  | "already-exists"
  | "directory-not-empty"
  | "project-missing"
  | "project-malformed"
  | "marker-missing"
  | "template-error"
  | "write-failed";

/** A refusal of the scaffold library; nothing has been written when one is thrown. */
export class ScaffoldError extends Error {
  readonly code: ScaffoldErrorCode;
  /** The flag, field or path the error is about, when there is one. */
  readonly subject: string | undefined;

  constructor(code: ScaffoldErrorCode, message: string, options: { subject?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ScaffoldError";
    this.code = code;
    this.subject = options.subject;
  }
}

/** True for errors the scaffold library raised on purpose (as opposed to bugs). */
export function isScaffoldError(error: unknown): error is ScaffoldError {
  return error instanceof ScaffoldError;
}
