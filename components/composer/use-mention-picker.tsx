"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type KeyboardEvent, type RefObject, type SyntheticEvent } from "react";
import { insertMention, matchingAgents, mentionQueryAt } from "@/lib/notes/mention-typing";
import { assignableAgentsKey, fetchAssignableAgents } from "@/lib/queries/conversation-actions";

/**
 * While a note is written, typing "@" lists the agents who can see the conversation (those a
 * mention reaches): arrows walk the list, Enter or Tab puts the name in, Escape closes it.
 * The text box keeps the focus throughout (aria-activedescendant names the option).
 */
export function useMentionPicker({
  conversationId,
  enabled,
  text,
  setText,
  field,
}: {
  conversationId: string | undefined;
  enabled: boolean;
  text: string;
  setText: (text: string) => void;
  field: RefObject<HTMLTextAreaElement | null>;
}) {
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState({ query: "", index: 0 });
  // The "@" whose list the agent closed with Escape: not offered again until another is typed.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const agents = useQuery({
    queryKey: assignableAgentsKey(conversationId ?? ""),
    queryFn: () => fetchAssignableAgents(conversationId ?? ""),
    enabled: enabled && Boolean(conversationId),
    staleTime: 60_000,
  });

  const typing = enabled && caret !== null ? mentionQueryAt(text, caret) : null;
  const options = typing && typing.start !== dismissed ? matchingAgents(agents.data?.agents ?? [], typing.query) : [];
  const open = typing !== null && options.length > 0;
  const highlighted = active.query === typing?.query ? Math.min(active.index, options.length - 1) : 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  const choose = (name: string) => {
    if (!typing || caret === null) return;
    const next = insertMention(text, { start: typing.start, caret }, name);
    setText(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => {
      field.current?.focus();
      field.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  /** True when the key was the list's (the composer then leaves it alone). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    const move = (by: number) =>
      setActive({ query: typing.query, index: (highlighted + by + options.length) % options.length });
    if (event.key === "ArrowDown") move(1);
    else if (event.key === "ArrowUp") move(-1);
    else if (event.key === "Enter" || event.key === "Tab") choose(options[highlighted]?.name ?? "");
    else if (event.key === "Escape") setDismissed(typing.start);
    else return false;
    event.preventDefault();
    event.stopPropagation();
    return true;
  };

  return {
    onKeyDown,
    /** For the text box's onSelect: where the caret is (typing moves it too). */
    track: (event: SyntheticEvent<HTMLTextAreaElement>) => setCaret(event.currentTarget.selectionStart),
    textareaProps: open
      ? {
          "aria-autocomplete": "list" as const,
          "aria-controls": listId,
          "aria-activedescendant": optionId(highlighted),
        }
      : {},
    picker: open ? (
      <MentionList listId={listId} options={options} highlighted={highlighted} optionId={optionId} onChoose={choose} />
    ) : null,
  };
}

/** The agents whose names match what follows the "@", the highlighted one first to go in. */
function MentionList({
  listId,
  options,
  highlighted,
  optionId,
  onChoose,
}: {
  listId: string;
  options: { id: string; name: string; online: boolean }[];
  highlighted: number;
  optionId: (index: number) => string;
  onChoose: (name: string) => void;
}) {
  return (
    <ul
      id={listId}
      role="listbox"
      aria-label="Agents to mention"
      className="mb-2 max-h-48 overflow-y-auto rounded-md border border-yellow-400 bg-white py-1 text-sm shadow"
    >
      {options.map((agent, index) => (
        <li
          key={agent.id}
          id={optionId(index)}
          role="option"
          aria-selected={index === highlighted}
          // mousedown, not click: the text box must not lose the focus (and the list with it).
          onMouseDown={(event) => {
            event.preventDefault();
            onChoose(agent.name);
          }}
          className={`cursor-pointer px-3 py-1.5 ${index === highlighted ? "bg-yellow-100 text-neutral-900" : "text-neutral-800"}`}
        >
          @{agent.name}
          {agent.online && <span className="ml-2 text-xs text-emerald-700">online</span>}
        </li>
      ))}
    </ul>
  );
}
