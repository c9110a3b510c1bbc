/**
 * Splits a stream of bytes into newline-delimited JSON values (a watch response), working on the
 * bytes as they arrive: each line is decoded to a string of exactly its own length and parsed,
 * and only an unfinished line is kept between chunks (copied, so it does not pin the chunk).
 * Concatenating and slicing strings instead would make every line a slice of the whole chunk,
 * keeping chunk-sized strings alive for as long as the last line of a chunk waits for its end.
 * A newline byte never occurs inside a multi-byte UTF-8 character, so splitting bytes is safe.
 */
const NEWLINE = 0x0a;

export class JsonLineDecoder {
  #partial: Buffer | undefined;

  /**
   * Calls `onValue` with every complete line of `chunk` (with what was left of the previous
   * chunks), parsed. Blank lines are skipped. Errors: throws the `JSON.parse` error of a line
   * that is not JSON (the rest of the chunk is dropped).
   */
  push(chunk: Buffer, onValue: (value: unknown) => void): void {
    let start = 0;
    let newline = chunk.indexOf(NEWLINE, start);
    while (newline >= 0) {
      const tail = chunk.subarray(start, newline);
      const line = this.#partial ? Buffer.concat([this.#partial, tail]) : tail;
      this.#partial = undefined;
      start = newline + 1;
      const text = line.toString("utf8");
      if (text.trim() !== "") onValue(JSON.parse(text));
      newline = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      this.#partial = this.#partial ? Buffer.concat([this.#partial, rest]) : Buffer.from(rest);
    }
  }
}
