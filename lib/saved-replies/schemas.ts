import { z } from "zod";
import { ZOutboundContent, outboundKind } from "../messages/compose-schemas";
import { PLACEHOLDERS, mapCustomerTexts, unknownPlaceholders } from "./placeholders";

// Saved replies as the page and the composer's picker send and receive them (shared by server
// and browser). The content is checked like a message about to be sent, with its placeholders
// counted as typed (`{{customer.name}}` is 17 characters): what the preview shows is what is
// checked. Filling them in a conversation can change the length, so the filled content is
// checked again there before it can be sent.

export const CODE_MAX_CHARS = 32;
export const TITLE_MAX_CHARS = 80;

const ZSavedReplyCode = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "is required")
  .max(CODE_MAX_CHARS, `can be at most ${CODE_MAX_CHARS} characters`)
  .regex(/^[a-z0-9_-]+$/, "can only hold letters, digits, “-” and “_”");

const ZSavedReplyTitle = z
  .string()
  .trim()
  .min(1, "is required")
  .max(TITLE_MAX_CHARS, `can be at most ${TITLE_MAX_CHARS} characters`);

const known = PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ");

/** A composition the composer could send, whose placeholders are all ones we can fill. */
const ZSavedReplyContent = ZOutboundContent.superRefine((content, ctx) => {
  mapCustomerTexts(content, (text, path) => {
    for (const name of unknownPlaceholders(text)) {
      ctx.addIssue({ code: "custom", path, message: `Unknown placeholder {{${name}}}: use ${known}.` });
    }
    return text;
  });
});

export const ZCreateSavedReply = z.object({
  code: ZSavedReplyCode,
  title: ZSavedReplyTitle,
  content: ZSavedReplyContent,
});
export type TCreateSavedReply = z.infer<typeof ZCreateSavedReply>;

export const ZUpdateSavedReply = ZCreateSavedReply.partial().refine(
  (body) => body.code !== undefined || body.title !== undefined || body.content !== undefined,
  "Nothing to change: give a code, a title or content.",
);
export type TUpdateSavedReply = z.infer<typeof ZUpdateSavedReply>;

export const ZSavedReplyView = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  content: ZOutboundContent,
  authorId: z.string().nullable(),
  /** null once the author's account is gone. */
  authorName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TSavedReplyView = z.infer<typeof ZSavedReplyView>;

export const ZSavedReplyList = z
  .object({ savedReplies: z.array(ZSavedReplyView).describe("By code.") })
  .describe("GET /api/saved-replies: every saved reply (the team shares them).");

export const ZSavedReplyAnswer = z
  .object({ savedReply: ZSavedReplyView })
  .describe("The saved reply as it is after the write.");

const KIND_LABELS = {
  TEXT: "Text",
  QUICK_REPLIES: "Quick replies",
  IMAGE: "Image",
  RICH_CARD: "Card",
  CAROUSEL: "Carousel",
} as const;

/** The kind in words, as the list and the picker show it. */
export function savedReplyKindLabel(reply: Pick<TSavedReplyView, "content">): string {
  return KIND_LABELS[outboundKind(reply.content)];
}

/**
 * The saved replies matching what the agent typed after "/": by code or title, ignoring case;
 * replies whose code starts with the query first, then the rest in their list order.
 */
export function filterSavedReplies<T extends Pick<TSavedReplyView, "code" | "title">>(
  replies: readonly T[],
  query: string,
): T[] {
  const q = query.trim().toLowerCase();
  if (q === "") return [...replies];
  const matches = replies.filter((r) => r.code.includes(q) || r.title.toLowerCase().includes(q));
  return [...matches.filter((r) => r.code.startsWith(q)), ...matches.filter((r) => !r.code.startsWith(q))];
}
