/**
 * Finds duplicate object keys in JSON text. JSON.parse keeps the last of two equal keys silently;
 * kube-apiserver's strict decoder reports them (`duplicate field "spec.size"`), as a warning under
 * fieldValidation=Warn and a 400 under Strict.
 */

/** The dotted paths of every key that appears twice in one object of `text`; throws on malformed JSON. */
export function duplicateFields(text: string): string[] {
  const duplicates: string[] = [];
  let position = 0;

  /** Skips whitespace; text that ends inside an object or array is malformed (and would loop here). */
  const skipWhitespace = (): void => {
    while (position < text.length && " \t\n\r".includes(text[position] ?? "")) position += 1;
  };
  const requireMore = (): void => {
    if (position >= text.length) throw new SyntaxError("unexpected end of JSON input");
  };
  const readString = (): string => {
    const start = position;
    position += 1;
    while (position < text.length && text[position] !== '"') position += text[position] === "\\" ? 2 : 1;
    position += 1;
    return JSON.parse(text.slice(start, position)) as string;
  };
  const readValue = (path: string): void => {
    skipWhitespace();
    const char = text[position];
    if (char === "{") {
      position += 1;
      const seen = new Set<string>();
      for (;;) {
        skipWhitespace();
        requireMore();
        if (text[position] === "}") break;
        const key = readString();
        const keyPath = path ? `${path}.${key}` : key;
        if (seen.has(key)) duplicates.push(keyPath);
        seen.add(key);
        skipWhitespace();
        position += 1; // ':'
        readValue(keyPath);
        skipWhitespace();
        if (text[position] === ",") position += 1;
      }
      position += 1;
    } else if (char === "[") {
      position += 1;
      for (let index = 0; ; index += 1) {
        skipWhitespace();
        requireMore();
        if (text[position] === "]") break;
        readValue(`${path}[${index}]`);
        skipWhitespace();
        if (text[position] === ",") position += 1;
      }
      position += 1;
    } else if (char === '"') {
      readString();
    } else {
      while (position < text.length && !",}] \t\n\r".includes(text[position] ?? "")) position += 1;
    }
  };

  readValue("");
  return duplicates;
}
