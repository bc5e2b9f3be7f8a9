import { z } from "zod";
import { ciObject, oneOrMany } from "../case-insensitive-object";

// The send request of CM's Business Messaging API (FORMATS.md §1). These schemas are the
// liberal reading used by the simulator and by tests: key casing is ignored, `msg` may be a single
// object, unknown keys are kept. What *we* emit is narrower; see build-send-request.ts.

export const ZCmMedia = ciObject({
  // For Instagram the name must end in the right file extension (spec: fact sheet, media).
  mediaName: z.string().optional(),
  mediaUri: z.string(),
  mimeType: z.string().optional(),
});
export type TCmMedia = z.infer<typeof ZCmMedia>;

export const ZCmSuggestion = ciObject({
  // `Reply` and `OpenUrl` are what we emit; other clients send other casings (FORMATS.md §1.4).
  action: z.string(),
  label: z.string(),
  // Spelled lowercase as in the spec examples; `postbackData` is accepted and renamed.
  postbackdata: z.string().optional(),
  url: z.string().optional(),
});
export type TCmSuggestion = z.infer<typeof ZCmSuggestion>;

export const ZCmRichCard = ciObject({
  header: z.string().optional(),
  text: z.string().optional(),
  media: ZCmMedia.optional(),
  suggestions: z.array(ZCmSuggestion).optional(),
});
export type TCmRichCard = z.infer<typeof ZCmRichCard>;

export const ZCmCarousel = ciObject({
  cards: z.array(ZCmRichCard),
  // "Small" | "Medium" in the SDKs; kept as a string because Instagram ignores it.
  cardWidth: z.string().optional(),
});
export type TCmCarousel = z.infer<typeof ZCmCarousel>;

/** One `richContent.conversation[]` item — roughly one chat bubble. */
export const ZCmRichMessage = ciObject({
  text: z.string().optional(),
  // Instagram message tag (e.g. HUMAN_AGENT); accepted values are UNCONFIRMED (FORMATS.md §1.4).
  tag: z.string().optional(),
  header: z.string().optional(),
  media: ZCmMedia.optional(),
  carousel: ZCmCarousel.optional(),
  suggestions: z.array(ZCmSuggestion).optional(),
});
export type TCmRichMessage = z.infer<typeof ZCmRichMessage>;

export const ZCmRichContent = ciObject({
  conversation: z.array(ZCmRichMessage).optional(),
  suggestions: z.array(ZCmSuggestion).optional(),
});
export type TCmRichContent = z.infer<typeof ZCmRichContent>;

export const ZCmRecipient = ciObject({ number: z.string() });

export const ZCmBody = ciObject({
  // `auto` in the docs; the spec's rich examples omit it, so it is optional here.
  type: z.string().optional(),
  content: z.string(),
});

export const ZCmSendMessage = ciObject({
  from: z.string(),
  to: z.array(ZCmRecipient),
  body: ZCmBody.optional(),
  allowedChannels: z.array(z.string()).optional(),
  reference: z.string().optional(),
  customGrouping: z.string().optional(),
  customGrouping2: z.string().optional(),
  customGrouping3: z.string().optional(),
  validity: z.string().optional(),
  richContent: ZCmRichContent.optional(),
});
export type TCmSendMessage = z.infer<typeof ZCmSendMessage>;

export const ZCmAuthentication = ciObject({ productToken: z.string() });

export const ZCmSendRequest = ciObject({
  messages: ciObject({
    // Optional: header authentication (`X-CM-PRODUCTTOKEN`) is the recommended way.
    authentication: ZCmAuthentication.optional(),
    msg: oneOrMany(ZCmSendMessage),
  }),
});
export type TCmSendRequest = z.infer<typeof ZCmSendRequest>;
