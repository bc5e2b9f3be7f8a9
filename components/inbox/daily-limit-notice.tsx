"use client";

import { DAILY_LIMIT_WARN_AT } from "@/lib/channel/rules";
import type { TInboxAccount } from "@/lib/conversations/schemas";

const number = new Intl.NumberFormat();

/** "1,950 of 2,400 messages in the last 24 hours": an account's use of Instagram's daily limit. */
export function dailyUsageText(usage: TInboxAccount["usage"]): string {
  return `${number.format(usage.sent)} of ${number.format(usage.limit)} messages in the last 24 hours (200 × ${number.format(usage.reachable)} ${usage.reachable === 1 ? "person" : "people"} you can message now)`;
}

/** Above the composer from 80 % of the daily limit on: Instagram refuses what goes beyond. */
export function DailyLimitNotice({ account }: { account: TInboxAccount | undefined }) {
  if (!account || account.usage.level === "ok") return null;
  const reached = account.usage.level === "reached";
  return (
    <p
      role="status"
      className={`border-t px-4 py-2 text-sm ${
        reached ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900"
      }`}
    >
      {reached
        ? `${account.displayName} has reached Instagram's daily limit: Instagram may refuse more messages for now. `
        : `${account.displayName} is near Instagram's daily limit (${Math.round(DAILY_LIMIT_WARN_AT * 100)} % or more). `}
      {dailyUsageText(account.usage)}.
    </p>
  );
}
