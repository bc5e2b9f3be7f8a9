import type { TBusinessHours } from "../business-hours/schemas";
import type { TConversationStatus } from "../conversations/summary";
import { addBusinessMinutes } from "./add-business-minutes";
import type { TSlaPolicyInput, TSlaTarget } from "./schemas";

/** Share of a target used when the conversation counts as "at risk". */
export const AT_RISK_SHARE = 0.75;

/** What the rule reads of a conversation (lib/server/sla reads exactly these columns). */
export interface TSlaClockInput {
  status: TConversationStatus;
  /** When the current opening began (null on rows older than issue 19). */
  openedAt: Date | null;
  /** The first agent reply of the current opening, if any. */
  firstResponseAt: Date | null;
  /** The customer's oldest unanswered message; null: nobody waits. */
  waitingSince: Date | null;
}

export interface TSlaDue {
  dueAt: Date;
  target: TSlaTarget;
  /** When AT_RISK_SHARE of the target is used. */
  atRiskAt: Date;
}

type TPolicyTargets = Pick<
  TSlaPolicyInput,
  "firstResponseMinutes" | "nextResponseMinutes" | "resolutionMinutes" | "businessHoursOnly"
>;

/**
 * The next SLA due time of a conversation, the earliest of its targets that applies:
 * - first response: from the opening, while no agent answered in it and the customer waits;
 * - next response: from the oldest unanswered message, once answered in this opening;
 * - resolution: from the opening.
 * The opening is `openedAt`, or, on rows from before it was recorded, `waitingSince`.
 * Only open conversations run clocks (snoozed and resolved ones have none). With
 * `businessHoursOnly` and business hours, minutes count only inside them.
 */
export function nextSlaDue(
  conversation: TSlaClockInput,
  policy: TPolicyTargets | null,
  businessHours: TBusinessHours | null,
  timeZone: string,
): TSlaDue | null {
  if (!policy || conversation.status !== "OPEN") return null;
  const { openedAt, firstResponseAt, waitingSince } = conversation;
  const opening = openedAt ?? waitingSince;
  const clocks: [TSlaTarget, Date | null, number | null][] = [
    ["FIRST_RESPONSE", firstResponseAt === null && waitingSince !== null ? opening : null, policy.firstResponseMinutes],
    ["NEXT_RESPONSE", firstResponseAt !== null ? waitingSince : null, policy.nextResponseMinutes],
    ["RESOLUTION", opening, policy.resolutionMinutes],
  ];
  const add = (from: Date, minutes: number): Date | null =>
    policy.businessHoursOnly && businessHours
      ? addBusinessMinutes(from, minutes, businessHours, timeZone)
      : new Date(from.getTime() + minutes * 60_000);
  let next: TSlaDue | null = null;
  for (const [target, from, minutes] of clocks) {
    if (from === null || minutes === null) continue;
    const dueAt = add(from, minutes);
    const atRiskAt = add(from, minutes * AT_RISK_SHARE);
    if (!dueAt || !atRiskAt) continue;
    if (!next || dueAt < next.dueAt) next = { dueAt, target, atRiskAt };
  }
  return next;
}
