import type { TInboxAccount } from "../conversations/schemas";

const number = new Intl.NumberFormat();

/** "1,950 of 2,400 messages in the last 24 hours": an account's use of Instagram's daily limit. */
export function dailyUsageText(usage: TInboxAccount["usage"]): string {
  return `${number.format(usage.sent)} of ${number.format(usage.limit)} messages in the last 24 hours (200 × ${number.format(usage.reachable)} ${usage.reachable === 1 ? "person" : "people"} you can message now)`;
}
