import { z } from "zod";

// A message as the inbox shows it, shared by the API and the browser. `content` depends on
// `kind`; one schema per kind, so the renderer can switch on it safely.

export const ZTextContent = z.object({ text: z.string() });
/** `url` is Meta's CDN link: stored and shown, never downloaded (spec: business rules). */
export const ZImageContent = z.object({ url: z.string(), mimeType: z.string().nullable(), caption: z.string() });
/** A customer's audio or video: Meta's CDN link, played from there, never downloaded. */
export const ZMediaContent = z.object({ url: z.string(), mimeType: z.string().nullable(), caption: z.string() });
/** Any other file the customer sent; `name` is CM's media title when it gives one. */
export const ZFileContent = ZMediaContent.extend({ name: z.string().nullable() });
/** A post, reel or story the customer shared; `text` is what they wrote with it. */
export const ZShareContent = z.object({
  shareType: z.enum(["post", "reel", "story"]),
  url: z.string(),
  title: z.string().nullable(),
  text: z.string(),
});
export const ZQuickReplyAnswerContent = z.object({ label: z.string(), postbackData: z.string() });
export const ZStoryReplyContent = z.object({
  text: z.string(),
  storyUrl: z.string().nullable(),
  storyId: z.string().nullable(),
});
export const ZStoryMentionContent = z.object({ url: z.string().nullable() });
export const ZUnsupportedContent = z.object({ reason: z.string(), raw: z.unknown() });
/** A private note (direction INTERNAL): agents only, never sent to CM; `mentions` are the agents it @names. */
export const ZNoteContent = z.object({
  text: z.string(),
  mentions: z.array(z.object({ userId: z.string(), name: z.string() })),
});

export const ZMessageKind = z.enum([
  "TEXT",
  "IMAGE",
  "AUDIO",
  "VIDEO",
  "SHARE",
  "FILE",
  "QUICK_REPLY_ANSWER",
  "STORY_REPLY",
  "STORY_MENTION",
  "QUICK_REPLIES",
  "RICH_CARD",
  "CAROUSEL",
  "UNSUPPORTED",
  "SYSTEM",
  "NOTE",
]);
export type TMessageKind = z.infer<typeof ZMessageKind>;

export const ZDeliveryStatus = z.enum([
  "RECEIVED",
  "QUEUED",
  "SENDING",
  "ACCEPTED",
  "DELIVERED",
  "FAILED",
  "CANCELLED",
]);

export const ZMessageView = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** INTERNAL: a line for agents only (kind SYSTEM), never sent to the customer. */
  direction: z.enum(["INBOUND", "OUTBOUND", "INTERNAL"]),
  kind: ZMessageKind,
  /** null once the customer deleted the message: its content is no longer shown to agents. */
  content: z.record(z.string(), z.unknown()).nullable(),
  deleted: z.boolean(),
  status: ZDeliveryStatus,
  statusReason: z.string().nullable(),
  retryable: z.boolean(),
  /** Outbox: tries so far, and when the next one starts while QUEUED after a failed try. */
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  /** A try whose outcome was unknown was followed by another: the customer may have it twice. */
  maybeDuplicate: z.boolean(),
  /** Sent with this Instagram message tag (HUMAN_AGENT: 24 hours to 7 days after the customer wrote). */
  tag: z.string().nullable().optional(),
  authorName: z.string().nullable(),
  /** The agent who wrote it (null: the customer, or sent from outside this inbox). */
  authorId: z.string().nullable().optional(),
  /** When it was written, as shown: CM's time for a customer's message, ours for the rest. */
  sentAt: z.string(),
  /**
   * The thread's order: when this inbox stored it (one clock, ours; see Message.seq). Threads
   * sort by it, never by sentAt, whose seconds come from CM's clock for customers' messages.
   */
  seq: z.number(),
  updatedAt: z.string(),
  /** The browser's id for an optimistic bubble, echoed back so it can be replaced. */
  clientId: z.string().nullable(),
});
export type TMessageView = z.infer<typeof ZMessageView>;

export const ZMessagePage = z
  .object({
    messages: z.array(ZMessageView).describe("Newest first."),
    /** Older messages follow from here (null: this page holds the oldest). */
    nextCursor: z.string().nullable(),
    /** Only on a page away from the newest end (around a message): newer messages follow from here. */
    newerCursor: z.string().nullable().optional(),
  })
  .describe("GET /api/conversations/<id>/messages: one page of the thread (the newest, older, around or newer).");
export type TMessagePage = z.infer<typeof ZMessagePage>;

export const ZMessageAnswer = z
  .object({ message: ZMessageView })
  .describe("The message as stored after the write: a reply or note queued or added, a reply retried or cancelled.");

/** One line for the conversation list. */
export function previewOf(kind: TMessageKind, content: Record<string, unknown> | null): string {
  if (content === null) return "Message deleted";
  switch (kind) {
    case "TEXT":
      return String(content.text ?? "");
    case "IMAGE":
      // Inbound {url, caption}; outbound {image, caption}.
      return content.caption ? `📷 ${String(content.caption)}` : "📷 Photo";
    case "AUDIO":
      return content.caption ? `🎤 ${String(content.caption)}` : "🎤 Voice message";
    case "VIDEO":
      return content.caption ? `🎬 ${String(content.caption)}` : "🎬 Video";
    case "SHARE":
      return `🔗 Shared ${String(content.shareType ?? "post")}${content.text ? `: ${String(content.text)}` : ""}`;
    case "FILE":
      return `📎 ${String(content.name ?? content.caption ?? "") || "File"}`;
    case "QUICK_REPLY_ANSWER":
      return String(content.label ?? "");
    case "STORY_REPLY":
      return `Replied to your story: ${String(content.text ?? "")}`;
    case "STORY_MENTION":
      return "Mentioned you in their story";
    case "QUICK_REPLIES":
      return String(content.text ?? "");
    case "RICH_CARD":
      return `🗂 ${String((content.card as { header?: unknown } | undefined)?.header ?? "Card")}`;
    case "CAROUSEL": {
      const cards = Array.isArray(content.cards) ? (content.cards as { header?: unknown }[]) : [];
      return `🗂 ${cards.length} cards: ${String(cards[0]?.header ?? "")}`;
    }
    case "UNSUPPORTED":
      return "Unsupported message";
    case "SYSTEM":
    case "NOTE":
      return "";
  }
}
