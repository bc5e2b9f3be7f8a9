import { SLA_TARGET_NAMES, type TSlaTarget } from "./schemas";

export interface TSlaBadge {
  /** "Due in 12 min", "Due in 3 h", "Overdue 5 min". */
  text: string;
  /** For screen readers and the tooltip: "First response due in 12 min". */
  description: string;
  /** overdue: red; atRisk: amber (75 % of the target used); ok: neutral. */
  tone: "overdue" | "atRisk" | "ok";
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span as the badge says it: minutes under an hour, hours under two days, then days. */
export function spanText(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.floor(ms / MINUTE))} min`;
  if (ms < 2 * DAY) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(ms / DAY)} d`;
}

/**
 * The list's SLA badge at `now`: how long until the due time, or how long past it. A minute or
 * less left reads "Due in 1 min"; the moment it passes, "Overdue 1 min".
 */
export function slaBadge(
  { dueAt, atRiskAt, target }: { dueAt: string; atRiskAt: string | null; target: TSlaTarget | null },
  now: Date,
): TSlaBadge {
  const left = Date.parse(dueAt) - now.getTime();
  const name = target ? SLA_TARGET_NAMES[target] : "SLA";
  if (left <= 0) {
    const text = `Overdue ${spanText(-left)}`;
    return { text, description: `${name} overdue by ${spanText(-left)}`, tone: "overdue" };
  }
  const text = `Due in ${spanText(left + MINUTE - 1)}`;
  const atRisk = atRiskAt !== null && Date.parse(atRiskAt) <= now.getTime();
  return { text, description: `${name} due in ${spanText(left + MINUTE - 1)}`, tone: atRisk ? "atRisk" : "ok" };
}
