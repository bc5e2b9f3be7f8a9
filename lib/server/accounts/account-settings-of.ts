import type { TAccountSettings } from "../../accounts/settings-schemas";
import { storedBusinessHours } from "../../business-hours/schemas";
import { DEFAULT_SURVEY_FOLLOW_UP_TEXT } from "../../surveys/survey-message";

/**
 * An account row's settings as the form shows them: the defaults spelled out (null follow-up:
 * the default question), stored business hours that no longer parse shown as none.
 */
export function accountSettingsOf(row: {
  timeZone: string;
  businessHours: unknown;
  surveyEnabled: boolean;
  surveyText: string | null;
  surveyFollowUpText: string | null;
  surveyCooldownDays: number;
}): TAccountSettings {
  return {
    timeZone: row.timeZone,
    businessHours: storedBusinessHours(row.businessHours),
    surveyEnabled: row.surveyEnabled,
    surveyText: row.surveyText ?? "",
    surveyFollowUpText: row.surveyFollowUpText ?? DEFAULT_SURVEY_FOLLOW_UP_TEXT,
    surveyCooldownDays: row.surveyCooldownDays,
  };
}
