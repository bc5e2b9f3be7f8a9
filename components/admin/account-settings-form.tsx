"use client";

import { useState, type FormEvent } from "react";
import type { TAccountView } from "@/lib/accounts/schemas";
import { ZAccountSettings } from "@/lib/accounts/settings-schemas";
import { textToHours } from "@/lib/business-hours/hours-text";
import { useSetAccountSettings } from "@/lib/queries/admin";
import { DEFAULT_SURVEY_TEXT } from "@/lib/surveys/survey-message";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Field } from "@/components/ui/field";
import { secondaryButton } from "@/components/ui/styles";
import { BusinessHoursFields } from "./business-hours-fields";
import { draftOf, type TSettingsDraft } from "./settings-draft";
import { SurveyFields } from "./survey-fields";

/** Time zone, business hours and the satisfaction survey of one account (issue 19). */
export function AccountSettingsForm({ account }: { account: TAccountView }) {
  const save = useSetAccountSettings();
  const [draft, setDraft] = useState(() => draftOf(account.settings));
  const [problems, setProblems] = useState<string[]>([]);
  const change = (patch: Partial<TSettingsDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { hasHours, hours, ...rest } = draft;
    const parsed = ZAccountSettings.safeParse({ ...rest, businessHours: hasHours ? textToHours(hours) : null });
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((i) => `${describePath(i.path)} ${i.message}.`));
      return;
    }
    setProblems([]);
    save.mutate({ id: account.id, input: parsed.data }, { onSuccess: (saved) => setDraft(draftOf(saved.settings)) });
  };
  const busy = save.isPending;
  return (
    <form
      onSubmit={submit}
      aria-label="Hours and survey"
      className="space-y-3 border-t border-neutral-100 pt-4 text-sm"
    >
      <h3 className="font-medium">Hours and satisfaction survey</h3>
      <Field
        label="Time zone"
        value={draft.timeZone}
        disabled={busy}
        hint="An IANA time zone, e.g. Europe/Amsterdam: business hours and reports follow it."
        onChange={(e) => change({ timeZone: e.target.value })}
      />
      <fieldset className="space-y-2">
        <legend className="sr-only">Business hours</legend>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={draft.hasHours}
            disabled={busy}
            onChange={(e) => change({ hasHours: e.target.checked })}
          />
          Business hours (otherwise around the clock)
        </label>
        {draft.hasHours && (
          <BusinessHoursFields value={draft.hours} disabled={busy} onChange={(hours) => change({ hours })} />
        )}
      </fieldset>
      <SurveyFields draft={draft} disabled={busy} onChange={change} defaultText={DEFAULT_SURVEY_TEXT} />
      {problems.length > 0 && (
        <ul role="alert" className="list-disc pl-5 text-sm text-red-800">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <ErrorAlert error={save.error} />
      <button type="submit" className={secondaryButton} disabled={busy}>
        Save hours and survey
      </button>
    </form>
  );
}

const FIELD_NAMES: Record<string, string> = {
  timeZone: "The time zone",
  businessHours: "Business hours:",
  surveyText: "The survey's question",
  surveyFollowUpText: "The follow-up question",
  surveyCooldownDays: "The pause after an answer",
};

function describePath(path: readonly PropertyKey[]): string {
  const [first, ...rest] = path.map(String);
  const name = FIELD_NAMES[first ?? ""] ?? first ?? "";
  return rest.length > 0 ? `${name} ${rest.join(" ")}` : name;
}
