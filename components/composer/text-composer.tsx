"use client";

import { useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { INSTAGRAM_LIMITS, charCount } from "@/lib/cm/limits";
import { ZSendText } from "@/lib/messages/compose-schemas";
import { useSavedReplyPicker, type TSavedReplyTarget } from "./saved-reply-picker";
import { TakeBackConfirm } from "./take-back-confirm";

/**
 * Text reply: Enter sends, Shift+Enter adds a line; Instagram's 1000-character limit is shown
 * and enforced. `blocked` explains why nothing can be sent now (the reply window is closed);
 * `handedOver` asks the agent to confirm taking a handed-over chat back before sending.
 */
export function TextComposer({
  onSend,
  blocked,
  handedOver,
  extra,
  savedReplies,
  onTyping,
  confirmSend,
}: {
  onSend: (text: string, options: { takeBack: boolean }) => void;
  blocked?: string | null;
  handedOver?: boolean;
  /** More actions for the footer (e.g. switching to the rich composer). */
  extra?: ReactNode;
  /** "/" at the start of the box offers saved replies, filled for this customer. */
  savedReplies?: TSavedReplyTarget;
  /** Called on every change of the draft (presence: "typing…"). */
  onTyping?: () => void;
  /** Asked before sending; the draft stays when it answers false. */
  confirmSend?: () => Promise<boolean>;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [takeBack, setTakeBack] = useState(false);
  const disabledReason = blocked ?? null;
  const needsConfirm = Boolean(handedOver) && !takeBack;
  const count = charCount(text);
  const over = count > INSTAGRAM_LIMITS.textMaxChars;
  const picker = useSavedReplyPicker({ text, setText, target: disabledReason ? undefined : savedReplies });

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const checked = ZSendText.safeParse({ text });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? "This message cannot be sent.");
      return;
    }
    if (needsConfirm) {
      setError("Confirm that you take the chat back from the Instagram inbox.");
      return;
    }
    setError(null);
    const send = () => {
      onSend(text, { takeBack: Boolean(handedOver) });
      setText("");
      setTakeBack(false);
    };
    if (!confirmSend) return send();
    void confirmSend().then((confirmed) => {
      if (confirmed) send();
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (picker.onKeyDown(event)) return;
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form onSubmit={submit} aria-label="Reply" className="border-t border-neutral-200 bg-white p-3">
      {disabledReason && (
        <p role="status" aria-label="Why you cannot reply" className="mb-2 text-sm text-amber-800">
          {disabledReason}
        </p>
      )}
      {handedOver && !disabledReason && (
        <div className="mb-2">
          <TakeBackConfirm checked={takeBack} onChange={setTakeBack} />
        </div>
      )}
      <div className="relative flex items-end gap-2">
        {picker.popup}
        <label className="sr-only" htmlFor="composer-text">
          Message
        </label>
        <textarea
          id="composer-text"
          aria-keyshortcuts="r"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError(null);
            onTyping?.();
          }}
          onKeyDown={onKeyDown}
          rows={2}
          placeholder="Write a reply… (Enter to send, Shift+Enter for a new line)"
          disabled={Boolean(disabledReason)}
          aria-invalid={over || undefined}
          aria-describedby="composer-count"
          {...picker.inputProps}
          className="min-h-[2.75rem] flex-1 resize-y rounded-md border border-neutral-300 px-3 py-2 text-sm disabled:bg-neutral-100"
        />
        <button
          type="submit"
          disabled={Boolean(disabledReason) || over || text.trim() === "" || needsConfirm}
          className="rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
        >
          {handedOver ? "Send and take back" : "Send"}
        </button>
      </div>
      <div className="mt-1 flex justify-between text-xs">
        <span role="alert" className="text-red-700">
          {error ?? (over ? `Instagram allows at most ${INSTAGRAM_LIMITS.textMaxChars} characters.` : "")}
        </span>
        <span className="flex items-center gap-3">
          {extra}
          <span id="composer-count" className={over ? "font-semibold text-red-700" : "text-neutral-500"}>
            {count} / {INSTAGRAM_LIMITS.textMaxChars}
          </span>
        </span>
      </div>
    </form>
  );
}
