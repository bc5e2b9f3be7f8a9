"use client";

import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { INSTAGRAM_LIMITS, charCount } from "@/lib/cm/limits";
import { NOTE_COMPOSER, NoteToggle, type TNoteMode } from "./note-mode";
import { useSavedReplyPicker, type TSavedReplyTarget } from "./saved-reply-picker";
import { TakeBackConfirm } from "./take-back-confirm";
import { useMentionPicker } from "./use-mention-picker";
import { useTextDraft } from "./use-text-draft";

/**
 * Text reply: Enter sends, Shift+Enter adds a line; Instagram's 1000-character limit is shown
 * and enforced. `blocked` explains why nothing can be sent now (the reply window is closed);
 * `handedOver` asks the agent to confirm taking a handed-over chat back before sending.
 * With `note`, a "Note" toggle switches to writing a private note (./note-mode.tsx), which
 * neither of those rules concerns.
 */
export function TextComposer({
  onSend,
  blocked,
  handedOver,
  extra,
  savedReplies,
  onTyping,
  confirmSend,
  note,
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
  /** Note mode (its state is the conversation view's). */
  note?: TNoteMode;
}) {
  const { text, setText, error, setError, takeBack, setTakeBack, noting, needsConfirm, submit } = useTextDraft({
    onSend,
    handedOver,
    note,
    confirmSend,
  });
  const disabledReason = noting ? null : (blocked ?? null);
  const count = charCount(text);
  const maxChars = noting ? NOTE_COMPOSER.maxChars : INSTAGRAM_LIMITS.textMaxChars;
  const over = count > maxChars;
  const field = useRef<HTMLTextAreaElement>(null);
  // Saved replies are for the customer; a note offers the team's names after "@" instead.
  const picker = useSavedReplyPicker({ text, setText, target: disabledReason || noting ? undefined : savedReplies });
  const mentionPicker = useMentionPicker({
    conversationId: note?.conversationId,
    enabled: noting,
    text,
    setText,
    field,
  });

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (picker.onKeyDown(event) || mentionPicker.onKeyDown(event)) return;
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form
      onSubmit={submit}
      aria-label="Reply"
      className={`border-t border-neutral-200 p-3 ${noting ? NOTE_COMPOSER.form : "bg-white"}`}
    >
      <ReplyNotices
        disabledReason={disabledReason}
        takeBack={handedOver && !disabledReason && !noting ? { checked: takeBack, onChange: setTakeBack } : null}
      />
      {mentionPicker.picker}
      <div className="relative flex items-end gap-2">
        {picker.popup}
        <label className="sr-only" htmlFor="composer-text">
          {noting ? NOTE_COMPOSER.label : "Message"}
        </label>
        <textarea
          id="composer-text"
          aria-keyshortcuts="r"
          ref={field}
          onSelect={mentionPicker.track}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError(null);
            // "Typing…" warns of a second reply to the customer; a note is not one.
            if (!noting) onTyping?.();
          }}
          onKeyDown={onKeyDown}
          rows={2}
          placeholder={
            noting ? NOTE_COMPOSER.placeholder : "Write a reply… (Enter to send, Shift+Enter for a new line)"
          }
          disabled={Boolean(disabledReason)}
          aria-invalid={over || undefined}
          aria-describedby="composer-count"
          {...(noting ? mentionPicker.textareaProps : picker.inputProps)}
          className={`min-h-[2.75rem] flex-1 resize-y rounded-md border px-3 py-2 text-sm disabled:bg-neutral-100 ${noting ? NOTE_COMPOSER.textarea : "border-neutral-300"}`}
        />
        <button
          type="submit"
          disabled={Boolean(disabledReason) || over || text.trim() === "" || needsConfirm}
          className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-50 ${noting ? NOTE_COMPOSER.submit : "bg-blue-600 text-white"}`}
        >
          {noting ? NOTE_COMPOSER.submitLabel : handedOver ? "Send and take back" : "Send"}
        </button>
      </div>
      <TextComposerFooter
        message={
          error ??
          (over
            ? noting
              ? NOTE_COMPOSER.tooLong
              : `Instagram allows at most ${INSTAGRAM_LIMITS.textMaxChars} characters.`
            : "")
        }
        note={note}
        // A note is plain text: the reply's extras (the rich composer) do not apply.
        extra={noting ? null : extra}
        count={count}
        maxChars={maxChars}
      />
    </form>
  );
}

/** Under the box: the problem (if any), the note toggle, the footer's extras and the counter. */
function TextComposerFooter({
  message,
  note,
  extra,
  count,
  maxChars,
}: {
  message: string;
  note: TNoteMode | undefined;
  extra: ReactNode;
  count: number;
  maxChars: number;
}) {
  const over = count > maxChars;
  return (
    <div className="mt-1 flex justify-between text-xs">
      <span role="alert" className="text-red-700">
        {message}
      </span>
      <span className="flex items-center gap-3">
        {note && <NoteToggle note={note} />}
        {extra}
        <span id="composer-count" className={over ? "font-semibold text-red-700" : "text-neutral-500"}>
          {count} / {maxChars}
        </span>
      </span>
    </div>
  );
}

/** Above the box: why nothing can be sent now, or the question before taking a handed-over chat back. */
function ReplyNotices({
  disabledReason,
  takeBack,
}: {
  disabledReason: string | null;
  takeBack: { checked: boolean; onChange: (checked: boolean) => void } | null;
}) {
  return (
    <>
      {disabledReason && (
        <p role="status" aria-label="Why you cannot reply" className="mb-2 text-sm text-amber-800">
          {disabledReason}
        </p>
      )}
      {takeBack && (
        <div className="mb-2">
          <TakeBackConfirm checked={takeBack.checked} onChange={takeBack.onChange} />
        </div>
      )}
    </>
  );
}
