"use client";

import { useId } from "react";
import { HUMAN_AGENT_POSTBACK } from "@/lib/channel/rules";
import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import type { TErrorAt } from "./check-draft";
import { AddButton } from "@/components/ui/add-button";
import { GroupError } from "@/components/ui/group-error";
import { TextField } from "./text-field";
import { smallButton } from "@/components/ui/styles";
import {
  HUMAN_AGENT_LABEL,
  addHumanAgentReply,
  canAddHumanAgentReply,
  emptyQuickReply,
  hasHumanAgentReply,
  removeAt,
  replaceAt,
  type TNewId,
  type TQuickRepliesDraft,
} from "./rich-draft";

/** A text with up to 13 quick replies (spec: quick reply), and the handover shortcut. */
export function QuickRepliesEditor({
  value,
  onChange,
  errorAt,
  newId,
}: {
  value: TQuickRepliesDraft;
  onChange: (next: TQuickRepliesDraft) => void;
  errorAt: TErrorAt;
  newId: TNewId;
}) {
  const listErrorId = useId();
  const humanHintId = useId();
  const full = value.replies.length >= L.quickRepliesMax;
  const offered = hasHumanAgentReply(value);
  const setReply = (index: number, patch: Partial<TQuickRepliesDraft["replies"][number]>) => {
    const reply = value.replies[index];
    if (reply) onChange({ ...value, replies: replaceAt(value.replies, index, { ...reply, ...patch }) });
  };

  return (
    <div className="flex flex-col gap-3">
      <TextField
        label="Text"
        multiline
        value={value.text}
        onChange={(text) => onChange({ ...value, text })}
        error={errorAt(["text"])}
        max={L.textMaxChars}
        placeholder="What can we do for you?"
      />
      <ol aria-label="Quick replies" aria-describedby={listErrorId} className="flex flex-col gap-2">
        {value.replies.map((reply, i) => (
          <li key={reply.id}>
            <fieldset className="rounded-md border border-neutral-200 p-2">
              <legend className="px-1 text-xs font-medium text-neutral-600">Quick reply {i + 1}</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                <TextField
                  label="Label"
                  value={reply.label}
                  onChange={(label) => setReply(i, { label })}
                  error={errorAt(["quickReplies", i, "label"])}
                  max={L.suggestionLabelMaxChars}
                />
                <TextField
                  label="Postback data"
                  value={reply.postbackData}
                  onChange={(postbackData) => setReply(i, { postbackData })}
                  error={errorAt(["quickReplies", i, "postbackData"])}
                  hint="Comes back to the inbox when the customer taps it."
                />
              </div>
              <button
                type="button"
                onClick={() => onChange({ ...value, replies: removeAt(value.replies, i) })}
                aria-label={`Remove quick reply ${i + 1}`}
                className={`${smallButton} mt-2`}
              >
                Remove
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <GroupError id={listErrorId} message={errorAt(["quickReplies"])} />
      <div className="flex flex-wrap items-start gap-2">
        <AddButton
          onClick={() => onChange({ ...value, replies: [...value.replies, emptyQuickReply(newId)] })}
          limitReached={full}
          limitReason={`Instagram shows at most ${L.quickRepliesMax} quick replies.`}
        >
          Add quick reply
        </AddButton>
        <button
          type="button"
          onClick={() => onChange(addHumanAgentReply(value, newId))}
          disabled={!canAddHumanAgentReply(value)}
          aria-describedby={humanHintId}
          className={smallButton}
        >
          Offer a human agent
        </button>
      </div>
      <p id={humanHintId} className="text-xs text-neutral-500">
        {offered
          ? `A “${HUMAN_AGENT_LABEL}” reply is already offered. `
          : `Adds “${HUMAN_AGENT_LABEL}” with postback ${HUMAN_AGENT_POSTBACK}. `}
        If the customer taps it, CM hands the chat to your Instagram inbox for 24 hours: replies there are not seen here
        until it ends or an agent sends from here, which takes it back. Quick replies show in the Instagram app only,
        not on the web.
      </p>
    </div>
  );
}
