"use client";

import { Fragment, type ReactNode } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { ZNoteContent, type TMessageView } from "@/lib/messages/schemas";
import { findMentionSpans } from "@/lib/notes/mentions";
import { formatTime } from "@/components/ui/format-time";
import { messageElementId } from "./use-thread";

/**
 * A private note in the thread, unmistakably not a message to the customer: yellow, labelled
 * "Only agents see this", with its author and time; the agents it @mentions are highlighted
 * (the signed-in agent more strongly).
 */
export function NoteBubble({
  message,
  targeted = false,
  onRetry,
}: {
  message: TMessageView;
  targeted?: boolean;
  /** Sends a note whose request failed again (the conversation view's one note mutation). */
  onRetry: (message: TMessageView) => void;
}) {
  const me = useSessionUser();
  const parsed = ZNoteContent.safeParse(message.content);
  const text = parsed.success ? parsed.data.text : "";
  const author = message.authorName ?? "An agent";
  return (
    <li
      id={messageElementId(message.id)}
      aria-label={`Note by ${author}, only agents see this: ${text}`}
      aria-current={targeted ? "true" : undefined}
      className={`flex justify-end ${targeted ? "rounded-lg p-1 ring-2 ring-amber-400" : ""}`}
    >
      <div className="flex max-w-[85%] flex-col items-end sm:max-w-[75%]">
        <div className="rounded-xl border border-yellow-300 bg-yellow-50 px-3.5 py-2 text-sm text-neutral-900 shadow-sm">
          <p className="mb-1 flex items-center gap-1 text-[11px] font-semibold tracking-wide text-yellow-900 uppercase">
            <span aria-hidden>🔒</span> Only agents see this
          </p>
          <p className="whitespace-pre-wrap break-words">
            {parsed.success ? withMentions(text, parsed.data.mentions, me.id) : "Note"}
          </p>
        </div>
        <div className="mt-0.5 flex items-center gap-2 px-1 text-[11px] text-neutral-600">
          <span>Note by {author}</span>
          <time dateTime={message.sentAt}>{formatTime(message.sentAt)}</time>
          {message.status === "SENDING" && <span role="status">Adding…</span>}
          {message.status === "FAILED" && (
            <span role="alert" className="flex items-center gap-2 text-red-700">
              Not added: {message.statusReason ?? "unknown reason"}
              <button type="button" onClick={() => onRetry(message)} className="font-medium underline">
                Retry
              </button>
            </span>
          )}
        </div>
      </div>
    </li>
  );
}

/** The note's text with each stored mention marked. */
function withMentions(text: string, mentions: { userId: string; name: string }[], myId: string): ReactNode {
  const spans = findMentionSpans(
    text,
    mentions.map((m) => ({ id: m.userId, name: m.name })),
  );
  const parts: ReactNode[] = [];
  let from = 0;
  for (const span of spans) {
    parts.push(<Fragment key={`t${from}`}>{text.slice(from, span.start)}</Fragment>);
    parts.push(
      <mark
        key={`m${span.start}`}
        title={span.userId === myId ? "You are mentioned" : `Mentions ${span.name}`}
        className={`rounded px-0.5 font-semibold text-neutral-900 ${span.userId === myId ? "bg-amber-300" : "bg-yellow-200"}`}
      >
        {text.slice(span.start, span.end)}
      </mark>,
    );
    from = span.end;
  }
  parts.push(<Fragment key={`t${from}`}>{text.slice(from)}</Fragment>);
  return parts;
}
