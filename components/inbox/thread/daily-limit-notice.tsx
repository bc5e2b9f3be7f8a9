"use client";

import { dailyUsageText } from "@/lib/channel/daily-usage";
import { DAILY_LIMIT_WARN_AT } from "@/lib/channel/rules";
import type { TInboxAccount } from "@/lib/conversations/schemas";

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
