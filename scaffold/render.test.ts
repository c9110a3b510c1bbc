import assert from "node:assert/strict";
import { test } from "node:test";
import { renderTemplate } from "./render.js";

test("templates never HTML-escape code", () => {
  assert.equal(
    renderTemplate("const a = {{value}};", { value: `x < y && "z" > 'w'` }, "t.hbs"),
    `const a = x < y && "z" > 'w';`,
  );
});

test("a name the model does not have is an error naming the template", () => {
  assert.throws(() => renderTemplate("kind: {{kindd}}", { kind: "Machine" }, "api/types.ts.hbs"), {
    code: "template-error",
    message: /^api\/types\.ts\.hbs: "kindd" not defined/,
  });
});

test("the json helper prints a JSON literal", () => {
  assert.equal(renderTemplate('"name": {{json name}}', { name: 'a"b' }, "package.json.hbs"), '"name": "a\\"b"');
});
