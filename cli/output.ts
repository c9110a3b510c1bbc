/**
 * Where the CLI prints: the process's streams by default, a buffer in tests (so a test can read
 * what a command printed without intercepting the test runner's own output).
 */
export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Standard output and standard error of the process. */
export const processOutput: CliOutput = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
