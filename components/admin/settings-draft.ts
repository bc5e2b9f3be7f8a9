import type { TAccountSettings } from "@/lib/accounts/settings-schemas";
import { hoursToText } from "@/lib/business-hours/hours-text";

/** The settings form's state: numbers and hours as typed, checked on submit. */
export type TSettingsDraft = Omit<TAccountSettings, "businessHours" | "surveyCooldownDays"> & {
  surveyCooldownDays: string;
  hasHours: boolean;
  hours: ReturnType<typeof hoursToText>;
};

export function draftOf(settings: TAccountSettings): TSettingsDraft {
  return {
    ...settings,
    surveyCooldownDays: String(settings.surveyCooldownDays),
    hasHours: settings.businessHours !== null,
    hours: hoursToText(settings.businessHours),
  };
}
