"use client";

import { InstagramPreview } from "@/components/composer/instagram-preview";
import { ZOutboundContent } from "@/lib/messages/compose-schemas";
import type { TMessageView } from "@/lib/messages/schemas";
import { ZSystemContent, systemLineText } from "@/lib/messages/system-line";
import { SURVEY_AUTHOR, surveyMarkerOf } from "@/lib/surveys/survey-message";
import { DeliveryState } from "./delivery-state";
import { CustomerAudio, CustomerFile, CustomerImage, CustomerShare, CustomerVideo } from "./customer-media";
import { formatTime } from "@/components/ui/format-time";
import { NoteBubble } from "./note-bubble";
import { messageElementId } from "./use-thread";

/** One message as Instagram showed it, with its time and, on ours, its delivery state. */
export function MessageBubble({
  message,
  onRetry,
  onCancel,
  targeted = false,
}: {
  message: TMessageView;
  onRetry: (message: TMessageView) => void;
  onCancel: (message: TMessageView) => void;
  /** The message the thread was opened at (a search result): marked until another is chosen. */
  targeted?: boolean;
}) {
  if (message.kind === "NOTE") return <NoteBubble message={message} targeted={targeted} onRetry={onRetry} />;
  if (message.direction === "INTERNAL") return <SystemLine message={message} />;
  const ours = message.direction === "OUTBOUND";
  // Our rich messages are drawn as Instagram shows them, by the composer's own preview,
  // which brings its own bubbles, chips and cards.
  const rich = ours && message.kind !== "TEXT" && !message.deleted ? ZOutboundContent.safeParse(message.content) : null;
  return (
    <li
      id={messageElementId(message.id)}
      aria-label={`${ours ? "You" : "Customer"}: ${summary(message)}`}
      aria-current={targeted ? "true" : undefined}
      className={`flex ${ours ? "justify-end" : "justify-start"} ${targeted ? "rounded-lg bg-amber-50 p-1 ring-2 ring-amber-400" : ""}`}
    >
      <div className={`max-w-[75%] ${ours ? "items-end" : "items-start"} flex flex-col`}>
        {rich?.success ? (
          <div className={message.status === "FAILED" ? "rounded-2xl p-1 ring-1 ring-red-300" : ""}>
            <InstagramPreview content={rich.data} label="Sent message" />
          </div>
        ) : (
          <div
            className={`rounded-2xl px-3.5 py-2 text-sm whitespace-pre-wrap break-words ${
              message.deleted
                ? "border border-dashed border-neutral-300 bg-white text-neutral-500 italic"
                : ours
                  ? message.status === "FAILED"
                    ? "bg-red-50 text-red-900 ring-1 ring-red-200"
                    : "bg-blue-600 text-white"
                  : "bg-neutral-100 text-neutral-900"
            }`}
          >
            <MessageContent message={message} />
          </div>
        )}
        {message.content?.replacedCharacters === true && (
          <p className="mt-0.5 px-1 text-[11px] text-neutral-600">
            Some characters could not be stored and were replaced by �.
          </p>
        )}
        <div className="mt-0.5 flex items-center gap-2 px-1 text-[11px] text-neutral-500">
          {ours && (message.authorName ?? automaticAuthor(message)) && (
            <span>{message.authorName ?? automaticAuthor(message)}</span>
          )}
          {ours && message.tag === "HUMAN_AGENT" && (
            <span
              className="rounded bg-sky-50 px-1 text-sky-900"
              title="Sent after 24 hours with Instagram's HUMAN_AGENT tag"
            >
              Human agent tag
            </span>
          )}
          <time dateTime={message.sentAt}>{formatTime(message.sentAt)}</time>
          {ours && (
            <DeliveryState message={message} onRetry={() => onRetry(message)} onCancel={() => onCancel(message)} />
          )}
        </div>
      </div>
    </li>
  );
}

/** Who sent a message that no agent wrote: the satisfaction survey (issue 19), or nobody we know. */
function automaticAuthor(message: TMessageView): string | null {
  return surveyMarkerOf(message.content) ? SURVEY_AUTHOR : null;
}

/** A change of status or assignee, for agents only: a quiet line across the thread. */
function SystemLine({ message }: { message: TMessageView }) {
  const parsed = ZSystemContent.safeParse(message.content);
  const text = parsed.success ? systemLineText(parsed.data, formatTime) : "Conversation updated";
  return (
    <li className="flex justify-center" aria-label={`${text} · ${formatTime(message.sentAt)}`}>
      <p className="rounded-full bg-neutral-100 px-3 py-1 text-center text-xs text-neutral-600">
        {text} · <time dateTime={message.sentAt}>{formatTime(message.sentAt)}</time>
      </p>
    </li>
  );
}

function MessageContent({ message }: { message: TMessageView }) {
  const c = message.content;
  if (message.deleted || c === null) return <>Message deleted</>;
  switch (message.kind) {
    case "TEXT":
      return <>{String(c.text ?? "")}</>;
    case "IMAGE":
      return <CustomerImage content={c} />;
    case "AUDIO":
      return <CustomerAudio content={c} />;
    case "VIDEO":
      return <CustomerVideo content={c} />;
    case "SHARE":
      return <CustomerShare content={c} />;
    case "FILE":
      return <CustomerFile content={c} />;
    case "QUICK_REPLY_ANSWER":
      return (
        <span>
          {String(c.label ?? "")}
          <span className="ml-2 rounded bg-white/60 px-1 font-mono text-[10px] text-neutral-500" title="Postback data">
            {String(c.postbackData ?? "")}
          </span>
        </span>
      );
    case "STORY_REPLY":
      return (
        <span>
          <span className="mb-1 block text-xs text-neutral-500">
            Replied to your story
            {c.storyUrl ? (
              <>
                {" · "}
                <a href={String(c.storyUrl)} target="_blank" rel="noreferrer noopener" className="underline">
                  view story
                </a>
              </>
            ) : null}
          </span>
          {String(c.text ?? "")}
        </span>
      );
    case "STORY_MENTION":
      return (
        <span>
          Mentioned you in their story
          {c.url ? (
            <>
              {" · "}
              <a href={String(c.url)} target="_blank" rel="noreferrer noopener" className="underline">
                view story
              </a>
            </>
          ) : null}
        </span>
      );
    case "UNSUPPORTED":
      return (
        <span className="text-neutral-500 italic">
          A message this inbox cannot show yet ({String(c.reason ?? "unknown")}). Open Instagram to see it.
        </span>
      );
    default:
      return <>{String(c.text ?? c.header ?? "Rich message")}</>;
  }
}

function summary(message: TMessageView): string {
  const c = message.content;
  if (message.deleted || c === null) return "Message deleted";
  if (message.kind === "RICH_CARD")
    return `Card: ${String((c.card as { header?: unknown } | undefined)?.header ?? "")}`;
  if (message.kind === "CAROUSEL") return `Carousel of ${Array.isArray(c.cards) ? c.cards.length : 0} cards`;
  if (message.kind === "IMAGE") return "Photo";
  if (message.kind === "AUDIO") return "Voice message";
  if (message.kind === "VIDEO") return "Video";
  if (message.kind === "SHARE") return `Shared ${String(c.shareType ?? "post")}`;
  if (message.kind === "FILE") return `File ${String(c.name ?? "")}`.trim();
  if (message.kind === "STORY_MENTION") return "Story mention";
  return String(c.text ?? c.label ?? c.reason ?? "");
}
