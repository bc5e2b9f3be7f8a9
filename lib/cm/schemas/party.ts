import { z } from "zod";
import { ciObject, ZStringish } from "../case-insensitive-object";

// `from`/`to` in CM webhooks: `{number, name}` on the channel webhooks, a plain string in the
// legacy SMS MO format (FORMATS.md §3.5). Both normalise to `{ number, name }`.
export const ZCmParty = z
  .union([ZStringish, ciObject({ number: ZStringish, name: z.string().nullish() })])
  .transform((v) => (typeof v === "string" ? { number: v, name: null } : { number: v.number, name: v.name ?? null }));
export type TCmParty = z.output<typeof ZCmParty>;

/**
 * CM's `timeUtc` is `yyyy-MM-ddTHH:mm:ss` with no zone (FORMATS.md §3.1); read it as UTC.
 * Returns null for a value that is not a date.
 */
export function parseCmUtcTime(value: string): Date | null {
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim());
  const date = new Date(hasZone ? value.trim() : `${value.trim().replace(" ", "T")}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const ZCmUtcTime = z.string().transform((value, ctx) => {
  const date = parseCmUtcTime(value);
  if (date === null) {
    ctx.addIssue({ code: "custom", message: `not a date: ${value}` });
    return z.NEVER;
  }
  return date;
});
