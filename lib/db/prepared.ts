import { createHash } from "node:crypto";

const names = new Map<string, string>();

/**
 * A name for a statement text, so the pg driver prepares it once per connection and then
 * only binds and executes it: the big statements of intake are planned once, not per webhook.
 */
export function preparedName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `q${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}
