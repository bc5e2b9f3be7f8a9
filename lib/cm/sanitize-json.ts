// CM's webhooks are JSON, and JSON can carry what PostgreSQL cannot store: NUL characters
// (\u0000) and lone UTF-16 surrogates (\ud800 without its pair), in any string or key, and
// nesting deeper than anything CM sends. Such a body is stored with those replaced, never
// refused with a 5xx (CM would retry it for a month and the customer's message would never
// reach an agent).

/** Deeper than any CM payload; an unknown field nested further is cut there. */
export const MAX_JSON_DEPTH = 32;
export const REPLACEMENT = "\uFFFD";
const CUT = "[nested too deep]";

// A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for.
const IMPOSSIBLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface TSanitized<T> {
  value: T;
  /** True when something was replaced or cut: the inbox says so next to the message. */
  replaced: boolean;
}

/** A copy of a parsed JSON value that PostgreSQL can store as text and as jsonb. */
export function sanitizeJson(input: unknown): TSanitized<unknown> {
  let replaced = false;
  const text = (s: string) => {
    IMPOSSIBLE.lastIndex = 0;
    if (!IMPOSSIBLE.test(s)) return s;
    replaced = true;
    return s.replace(IMPOSSIBLE, REPLACEMENT);
  };
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return text(value);
    if (value === null || typeof value !== "object") return value;
    if (depth >= MAX_JSON_DEPTH) {
      replaced = true;
      return CUT;
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[text(key)] = walk(item, depth + 1);
    return out;
  };
  const value = walk(input, 0);
  return { value, replaced };
}
