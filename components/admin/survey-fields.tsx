"use client";

import { useId } from "react";
import { SURVEY_COOLDOWN_DAYS_MAX } from "@/lib/accounts/settings-schemas";
import { compactInputClass } from "@/components/ui/styles";
import type { TSettingsDraft } from "./settings-draft";

/** The satisfaction survey's switch, question, follow-up and pause. */
export function SurveyFields({
  draft,
  disabled,
  onChange,
  defaultText,
}: {
  draft: TSettingsDraft;
  disabled: boolean;
  onChange: (patch: Partial<TSettingsDraft>) => void;
  defaultText: string;
}) {
  const id = useId();
  return (
    <fieldset className="space-y-2">
      <legend className="sr-only">Satisfaction survey</legend>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={draft.surveyEnabled}
          disabled={disabled}
          onChange={(e) => onChange({ surveyEnabled: e.target.checked })}
        />
        Send a satisfaction survey when a conversation is resolved
      </label>
      <label htmlFor={`${id}-text`} className="flex flex-col text-xs text-neutral-600">
        Survey question (five quick replies, 😞 1 to 😍 5, follow it)
        <textarea
          id={`${id}-text`}
          rows={2}
          className={compactInputClass}
          value={draft.surveyText}
          placeholder={defaultText}
          disabled={disabled}
          onChange={(e) => onChange({ surveyText: e.target.value })}
        />
      </label>
      <p className="text-xs text-neutral-500">
        Quick replies show only in the Instagram app: keep &quot;or reply with a number from 1 to 5&quot; in your
        question.
      </p>
      <label htmlFor={`${id}-follow-up`} className="flex flex-col text-xs text-neutral-600">
        Follow-up question, after a score (empty: none)
        <input
          id={`${id}-follow-up`}
          className={compactInputClass}
          value={draft.surveyFollowUpText}
          disabled={disabled}
          onChange={(e) => onChange({ surveyFollowUpText: e.target.value })}
        />
      </label>
      <label htmlFor={`${id}-cooldown`} className="flex max-w-xs flex-col text-xs text-neutral-600">
        Days without a survey after a customer answered one
        <input
          id={`${id}-cooldown`}
          type="number"
          min={0}
          max={SURVEY_COOLDOWN_DAYS_MAX}
          className={compactInputClass}
          value={draft.surveyCooldownDays}
          disabled={disabled}
          onChange={(e) => onChange({ surveyCooldownDays: e.target.value })}
        />
      </label>
    </fieldset>
  );
}
