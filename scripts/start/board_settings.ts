/**
 * What the board needs to know of the operator that `npm start` runs: its timing, from the same
 * flags and variables the operator reads, for the countdown until a switch flips back down.
 */
import { parseArgs } from "node:util";
import { resolveSettings } from "../../controllers/settings.js";

/** The board's settings; without timing when the flags are wrong (the operator says why). */
export function boardSettings(operatorArgs: string[], env: NodeJS.ProcessEnv): Record<string, unknown> {
  try {
    const { values } = parseArgs({
      args: operatorArgs,
      strict: false,
      options: { "flip-delay": { type: "string" }, "flip-interval": { type: "string" } },
    });
    const flag = (value: string | boolean | undefined) => (typeof value === "string" ? value : undefined);
    return {
      namespace: "default",
      ...resolveSettings({ flipDelay: flag(values["flip-delay"]), flipInterval: flag(values["flip-interval"]), env }),
    };
  } catch {
    return { namespace: "default" };
  }
}

/**
 * The board's port: `USELESS_UI_PORT`, or 0 (a free one).
 * Errors: throws naming the variable when it is not a TCP port number.
 */
export function boardPort(env: NodeJS.ProcessEnv): number {
  const text = env["USELESS_UI_PORT"] ?? "";
  if (text === "") return 0;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new Error(`USELESS_UI_PORT: expected a TCP port number from 0 to 65535 (got ${JSON.stringify(text)})`);
  }
  return port;
}
