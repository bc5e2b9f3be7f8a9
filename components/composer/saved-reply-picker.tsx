"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { outboundKind, type TOutboundContentInput } from "@/lib/messages/compose-schemas";
import { savedRepliesQuery } from "@/lib/queries/saved-replies";
import { fillPlaceholders, type TPlaceholderValues } from "@/lib/saved-replies/placeholders";
import { filterSavedReplies, savedReplyKindLabel, type TSavedReplyView } from "@/lib/saved-replies/schemas";

// The "/" picker of the text composer (ARIA combobox pattern, the textarea keeping focus): "/" at
// the start of an otherwise single-word box lists the saved replies, what follows filters them by
// code and title, ArrowUp/Down move, Enter inserts, Esc closes. A plain-text reply lands in the
// box, filled, to be edited before sending; any other kind opens the rich composer with it. Either
// way the filled result meets the same checks as anything typed (the counter, the rich checks).

/** "/" then the query: no space yet, so "/shrug and more" is just text. */
const TRIGGER = /^\/(\S*)$/;

export type TSavedReplyTarget = {
  customer: TPlaceholderValues["customer"];
  /** A reply that is more than plain text: the rich composer opens with it. */
  onRichReply: (content: TOutboundContentInput) => void;
};

export function useSavedReplyPicker({
  text,
  setText,
  target,
}: {
  text: string;
  setText: (text: string) => void;
  /** Where and for whom replies are inserted; none: no picker. */
  target: TSavedReplyTarget | undefined;
}) {
  const user = useSessionUser();
  const listboxId = useId();
  const [dismissed, setDismissed] = useState(false);
  const [cursor, setCursor] = useState({ query: "", index: 0 });
  // Esc closes the picker until the box no longer starts with "/" (adjusting state to a prop).
  if (dismissed && !text.startsWith("/")) setDismissed(false);

  const trigger = target === undefined || dismissed ? null : TRIGGER.exec(text);
  const open = trigger !== null;
  const query = trigger?.[1] ?? "";
  const replies = useQuery({ ...savedRepliesQuery, enabled: open });
  const matches = open ? filterSavedReplies(replies.data ?? [], query) : [];
  const index = cursor.query === query ? Math.min(cursor.index, matches.length - 1) : 0;
  const active = matches[index];
  const optionId = (reply: TSavedReplyView) => `${listboxId}-${reply.id}`;
  const activeId = active === undefined ? undefined : optionId(active);

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  function insert(reply: TSavedReplyView) {
    if (target === undefined) return;
    const content = fillPlaceholders(reply.content, { customer: target.customer, agent: { name: user.name } });
    setDismissed(true);
    if (content.kind === "text" && outboundKind(content) === "TEXT") setText(content.text);
    else target.onRichReply(content);
  }

  /** Handles the picker's keys; true when the composer must not act on the key too. */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean =>
    open &&
    pickerKeyDown(event, {
      move: (delta) => {
        if (matches.length > 0) setCursor({ query, index: (index + delta + matches.length) % matches.length });
      },
      close: () => setDismissed(true),
      choose: () => active && insert(active),
    });

  const showList = open && matches.length > 0;
  const inputProps = {
    "aria-autocomplete": target === undefined ? undefined : ("list" as const),
    "aria-controls": showList ? listboxId : undefined,
    "aria-activedescendant": showList ? activeId : undefined,
  };

  const popup: ReactNode = open && (
    <SavedReplyPopup
      listboxId={listboxId}
      matches={matches}
      index={index}
      optionId={optionId}
      onInsert={insert}
      status={
        replies.isPending
          ? "Loading saved replies…"
          : replies.isError
            ? `Saved replies could not be loaded: ${replies.error.message}`
            : `No saved reply matches “/${query}”. Esc closes this list.`
      }
    />
  );

  return { onKeyDown, inputProps, popup };
}

const popupClass =
  "absolute right-0 bottom-full left-0 z-10 mb-1 max-h-60 overflow-y-auto rounded-md border border-neutral-300 bg-white py-1 shadow-lg";

/**
 * The open picker's keys: arrows move, Escape closes, Enter inserts. True when the key was the
 * picker's (the composer then leaves it alone).
 */
function pickerKeyDown(
  event: KeyboardEvent<HTMLTextAreaElement>,
  act: { move: (delta: number) => void; close: () => void; choose: () => void },
): boolean {
  switch (event.key) {
    case "ArrowDown":
    case "ArrowUp":
      event.preventDefault();
      act.move(event.key === "ArrowDown" ? 1 : -1);
      return true;
    case "Escape":
      event.preventDefault();
      event.stopPropagation();
      act.close();
      return true;
    case "Enter":
      if (event.shiftKey || event.nativeEvent.isComposing) return false;
      // With nothing to insert, Enter does nothing rather than send "/thnks" to the customer:
      // Esc first sends a text that starts with "/".
      event.preventDefault();
      act.choose();
      return true;
    default:
      return false;
  }
}

/** The matching replies (the active one highlighted), or why there are none. */
function SavedReplyPopup({
  listboxId,
  matches,
  index,
  optionId,
  onInsert,
  status,
}: {
  listboxId: string;
  matches: TSavedReplyView[];
  index: number;
  optionId: (reply: TSavedReplyView) => string;
  onInsert: (reply: TSavedReplyView) => void;
  /** Shown when nothing matches: loading, failed, or no match. */
  status: string;
}) {
  if (matches.length === 0) {
    return (
      <p role="status" className={`${popupClass} px-3 py-2 text-sm text-neutral-700`}>
        {status}
      </p>
    );
  }
  return (
    <ul id={listboxId} role="listbox" aria-label="Saved replies" className={popupClass}>
      {matches.map((reply, i) => (
        <li
          key={reply.id}
          id={optionId(reply)}
          role="option"
          aria-selected={i === index}
          // The textarea keeps focus (and the combobox its state); the click inserts.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onInsert(reply)}
          className={`flex cursor-pointer items-baseline gap-2 px-3 py-1.5 text-sm ${
            i === index ? "bg-blue-50 text-neutral-900" : "text-neutral-800"
          }`}
        >
          <span className="min-w-0 flex-1 truncate font-medium">{reply.title}</span>
          <span className="shrink-0 font-mono text-xs text-neutral-600">/{reply.code}</span>
          <span className="shrink-0 text-xs text-neutral-600">{savedReplyKindLabel(reply)}</span>
        </li>
      ))}
    </ul>
  );
}
