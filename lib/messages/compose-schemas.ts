import { z } from "zod";
import { INSTAGRAM_LIMITS as L, charCount } from "../cm/limits";

// What the composer sends, validated the same way in the browser (as the agent types) and on
// the server (before storing). Every limit comes from the one Instagram table in
// lib/cm/limits.ts, and the shapes mirror lib/cm/build-send-request.ts's TOutboundContent, so a
// valid composition builds straight into CM's request.

const chars = (max: number, what: string) =>
  z.string().refine((v) => charCount(v) <= max, `${what} can be at most ${max} characters on Instagram.`);
const required = (max: number, what: string) =>
  chars(max, what).refine((v) => v.trim().length > 0, `${what} is required.`);

const ZHttpsUrl = z.url({ protocol: /^https?$/, error: "must be a public http(s) URL" });

/** Quick-reply labels over 20 characters would be cut by Instagram: the composer refuses them. */
export const ZQuickReply = z.object({
  label: required(L.suggestionLabelMaxChars, "A quick reply's label"),
  postbackData: required(L.postbackDataMaxChars, "A quick reply's postback data"),
});

export const ZImage = z.object({
  url: ZHttpsUrl,
  mimeType: z.enum(L.imageMimeTypes, { error: `must be one of ${L.imageMimeTypes.join(", ")}` }),
  /** File name; Instagram wants it to end in the right extension (spec: fact sheet, media). */
  name: z.string().max(200).optional(),
});

export const ZCardButton = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("reply"),
    label: required(L.suggestionLabelMaxChars, "A button's label"),
    postbackData: required(L.postbackDataMaxChars, "A button's postback data"),
  }),
  z.object({ kind: z.literal("url"), label: required(L.suggestionLabelMaxChars, "A button's label"), url: ZHttpsUrl }),
]);

/** A generic template: a title and at least one of subtitle, image, buttons (spec: rich card). */
export const ZCard = z
  .object({
    header: required(L.cardHeaderMaxChars, "A card's title"),
    text: chars(L.cardTextMaxChars, "A card's subtitle").optional(),
    image: ZImage.optional(),
    buttons: z
      .array(ZCardButton)
      .max(L.cardButtonsMax, `A card can have at most ${L.cardButtonsMax} buttons.`)
      .optional(),
  })
  .refine((c) => Boolean(c.text?.trim()) || c.image !== undefined || (c.buttons?.length ?? 0) > 0, {
    message: "A card needs a subtitle, an image or a button besides its title.",
  });

const ZText = required(L.textMaxChars, "The message");

export const ZOutboundContent = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("text"),
    text: ZText,
    quickReplies: z
      .array(ZQuickReply)
      .max(L.quickRepliesMax, `Instagram shows at most ${L.quickRepliesMax} quick replies.`)
      .optional(),
  }),
  z.object({ kind: z.literal("image"), image: ZImage, caption: chars(L.textMaxChars, "The caption").optional() }),
  z.object({ kind: z.literal("card"), card: ZCard }),
  z.object({
    kind: z.literal("carousel"),
    cards: z
      .array(ZCard)
      .min(L.carouselCardsMin, `A carousel needs at least ${L.carouselCardsMin} cards.`)
      .max(L.carouselCardsMax, `A carousel can have at most ${L.carouselCardsMax} cards.`),
  }),
]);
export type TOutboundContentInput = z.infer<typeof ZOutboundContent>;

/** The body of POST /api/conversations/:id/messages. */
export const ZSendMessage = z.object({
  content: ZOutboundContent,
  /** The browser's id for its optimistic bubble, echoed back in events. */
  clientId: z.string().max(64).optional(),
  /** The agent confirms that sending takes a handed-over chat back from the Instagram inbox. */
  takeBack: z.boolean().optional(),
});
export type TSendMessage = z.infer<typeof ZSendMessage>;

/** Plain text only: the text composer's shortcut, same rules. */
export const ZSendText = z.object({
  text: ZText,
  clientId: z.string().max(64).optional(),
  takeBack: z.boolean().optional(),
});
export type TSendText = z.infer<typeof ZSendText>;

/** How a composition is stored and drawn: plain text, text with quick replies, or rich. */
export function outboundKind(
  content: TOutboundContentInput,
): "TEXT" | "QUICK_REPLIES" | "IMAGE" | "RICH_CARD" | "CAROUSEL" {
  switch (content.kind) {
    case "text":
      return content.quickReplies?.length ? "QUICK_REPLIES" : "TEXT";
    case "image":
      return "IMAGE";
    case "card":
      return "RICH_CARD";
    case "carousel":
      return "CAROUSEL";
  }
}
