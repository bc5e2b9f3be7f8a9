"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import type { TFieldErrors } from "@/components/ui/validate-form";
import { BOT_SILENCE_DEFAULT, BOT_SILENCE_MAX, BOT_SILENCE_MIN } from "@/lib/api-tokens/schemas";

/** What the bot fields hold, as ZCreateApiToken takes them. */
export function botFieldValues(form: FormData): { bot: boolean; botSilenceSeconds: number } {
  const silence = String(form.get("botSilenceSeconds") ?? "").trim();
  return { bot: form.get("bot") === "on", botSilenceSeconds: silence === "" ? BOT_SILENCE_DEFAULT : Number(silence) };
}

/** A team token may be a bot (issue 21): it answers its accounts' new conversations first. */
export function BotFields({ errors }: { errors: TFieldErrors }) {
  const [bot, setBot] = useState(false);
  return (
    <fieldset>
      <legend className="text-sm font-medium">Bot</legend>
      <label className="mt-1 flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="bot"
          checked={bot}
          onChange={(event) => setBot(event.target.checked)}
          className="mt-1"
        />
        <span>
          This token is a bot: conversations that open on its accounts go to it first, and it hands them to the team
          (needs “Send messages” and “Assign, label, resolve”).
        </span>
      </label>
      {bot && (
        <Field
          className="mt-2 pl-6"
          label="Hand over after this many seconds of silence"
          name="botSilenceSeconds"
          type="number"
          inputMode="numeric"
          min={BOT_SILENCE_MIN}
          max={BOT_SILENCE_MAX}
          defaultValue={BOT_SILENCE_DEFAULT}
          hint="When the bot has not answered the customer's last message for this long, the team gets the conversation."
          error={errors.botSilenceSeconds}
        />
      )}
      {errors.bot && <p className="mt-1 text-sm text-red-700">{errors.bot}</p>}
    </fieldset>
  );
}
