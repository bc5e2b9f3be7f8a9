"use client";

import { handover, messagingWindow, replyZone } from "@/lib/channel/rules";
import type { TConversationSummary } from "@/lib/conversations/summary";

/** Where the conversation stands with Instagram's rules: the reply window and any handover. */
export function ChannelStatus({
  conversation,
  now,
  humanAgentTag = false,
}: {
  conversation: TConversationSummary;
  now: Date;
  /** The account sends a person's late replies with the HUMAN_AGENT tag: a second zone. */
  humanAgentTag?: boolean;
}) {
  const window = messagingWindow(conversation, now);
  const zone = replyZone(conversation, now, { humanAgentTag });
  const handed = handover(conversation, now);
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      {window.open ? (
        <span
          role="status"
          aria-label="Messaging window"
          className="rounded bg-emerald-50 px-2 py-0.5 text-emerald-800"
        >
          Reply window open · closes in {duration(window.closesAt.getTime() - now.getTime())}
        </span>
      ) : (
        <span
          role="status"
          aria-label="Messaging window"
          className="rounded bg-neutral-100 px-2 py-0.5 text-neutral-700"
        >
          {window.closedAt
            ? `Reply window closed ${duration(now.getTime() - window.closedAt.getTime())} ago`
            : "No reply window"}
        </span>
      )}
      {humanAgentTag && zone.zone === "window" && (
        <span role="status" aria-label="Human agent tag" className="rounded bg-sky-50 px-2 py-0.5 text-sky-900">
          then with the human agent tag for 6 days more
        </span>
      )}
      {zone.zone === "tagged" && (
        <span role="status" aria-label="Human agent tag" className="rounded bg-sky-50 px-2 py-0.5 text-sky-900">
          Replies go out with the human agent tag · for {duration(zone.closesAt.getTime() - now.getTime())} more
        </span>
      )}
      {conversation.bot && (
        <span role="status" aria-label="Bot" className="rounded bg-violet-50 px-2 py-0.5 text-violet-900">
          {conversation.bot.name} (a bot) answers first · assign it to take over
        </span>
      )}
      {handed.active && handed.until && (
        <span role="status" aria-label="Handover" className="rounded bg-amber-50 px-2 py-0.5 text-amber-900">
          Handed over to the Instagram inbox for {duration(handed.until.getTime() - now.getTime())} more
        </span>
      )}
    </div>
  );
}

/** "5 h 12 min", "40 min", "under a minute". */
export function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "under a minute";
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) return `${Math.floor(hours / 24)} days`;
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}
