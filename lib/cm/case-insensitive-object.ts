import { z } from "zod";

// CM's own SDKs disagree on key casing (`productToken`/`producttoken`, `postbackdata`/
// `postbackData`, `customGrouping3`/`customgrouping3` — FORMATS.md §1.1), so the gateway very
// likely matches keys case-insensitively. Our parsers do the same: a key that matches a declared
// key ignoring case is renamed to the declared spelling. Unknown keys are kept, never dropped.

function canonicaliseKeys(value: unknown, declared: readonly string[]): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const byLower = new Map(declared.map((name) => [name.toLowerCase(), name]));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const canonical = byLower.get(key.toLowerCase());
    // When both spellings are present the declared one wins; the other is kept under its own name.
    const target = canonical !== undefined && !(canonical in value && canonical !== key) ? canonical : key;
    out[target] = v;
  }
  return out;
}

/** A loose object schema whose declared keys are matched case-insensitively. */
export function ciObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const declared = Object.keys(shape);
  return z.preprocess((value) => canonicaliseKeys(value, declared), z.looseObject(shape));
}

/** Accepts one item or a list of items (CM sends `messages.msg` both ways) and yields a list. */
export function oneOrMany<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (Array.isArray(value) ? value : [value]), z.array(item));
}

/** CM codes arrive as numbers or as strings ("0", "", "201"); normalise to a number or null. */
export const ZCodeish = z.union([z.number(), z.string(), z.null()]).transform((v): number | null => {
  if (v === null) return null;
  if (typeof v === "number") return v;
  const trimmed = v.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
});

/** Strings that CM sometimes sends as numbers (e.g. an event reference like 453563216). */
export const ZStringish = z.union([z.string(), z.number()]).transform((v) => String(v));
