import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, REPLACEMENT, sanitizeJson } from "./sanitize-json";

describe("sanitizeJson: what PostgreSQL cannot store is replaced, never refused", () => {
  it("replaces NUL and lone surrogates in values and keys, keeps valid pairs (emoji) as they are", () => {
    const input = JSON.parse('{"a\\u0000b": ["x\\u0000y", "\\ud800", "z\\udc00", "ok 😀"], "n": 1, "t": true}');
    const { value, replaced } = sanitizeJson(input);
    expect(replaced).toBe(true);
    expect(value).toEqual({
      [`a${REPLACEMENT}b`]: [`x${REPLACEMENT}y`, REPLACEMENT, `z${REPLACEMENT}`, "ok 😀"],
      n: 1,
      t: true,
    });
  });

  it("leaves a clean body untouched and says so", () => {
    const input = { message: { text: "Hello 👋 — ça va?" }, list: [1, null, "x"] };
    expect(sanitizeJson(input)).toEqual({ value: input, replaced: false });
  });

  it("cuts nesting deeper than any CM payload", () => {
    let deep: unknown = "bottom";
    for (let i = 0; i < 5000; i++) deep = { d: deep };
    const { value, replaced } = sanitizeJson({ custom: deep });
    expect(replaced).toBe(true);
    let depth = 0;
    let cursor = value as Record<string, unknown> | string;
    while (typeof cursor === "object") {
      cursor = (cursor.custom ?? cursor.d) as Record<string, unknown> | string;
      depth++;
    }
    expect(depth).toBe(MAX_JSON_DEPTH);
    expect(cursor).toBe("[nested too deep]");
  });
});
