import type { TAccountView } from "../../accounts/schemas";
import type { TAccountSettings } from "../../accounts/settings-schemas";
import { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TAccountDeps } from "./account-store";
import { toAccountView } from "./webhook-urls";

/**
 * Sets an account's time zone, business hours and survey. An empty question is stored as null
 * (the default text); an empty follow-up as "" (none is asked).
 */
export async function setAccountSettings(
  deps: TAccountDeps,
  id: string,
  settings: TAccountSettings,
): Promise<TAccountView> {
  const result = await deps.prisma.instagramAccount.updateMany({
    where: { id },
    data: {
      timeZone: settings.timeZone,
      businessHours: settings.businessHours ?? Prisma.DbNull,
      surveyEnabled: settings.surveyEnabled,
      surveyText: settings.surveyText || null,
      surveyFollowUpText: settings.surveyFollowUpText,
      surveyCooldownDays: settings.surveyCooldownDays,
    },
  });
  if (result.count === 0) throw new AppError("NOT_FOUND", "This account does not exist (any more).");
  return toAccountView(await deps.prisma.instagramAccount.findUniqueOrThrow({ where: { id } }), deps.appUrl);
}
