import type {
  TCmMedia,
  TCmRichCard,
  TCmRichMessage,
  TCmSendMessage,
  TCmSendRequest,
  TCmSuggestion,
} from "./schemas/send-request";
import { mediaNameFor } from "./media-type";

// The one canonical form we emit (issue #3): header authentication (so no `authentication` in
// the body), `allowedChannels: ["Instagram"]`, `body.type: "auto"`, suggestions with `Reply` /
// `OpenUrl` and lowercase `postbackdata` exactly as in the spec's examples. Browser-safe.

export type TOutboundImage = { url: string; mimeType: string; name?: string };
export type TOutboundButton =
  { kind: "reply"; label: string; postbackData: string } | { kind: "url"; label: string; url: string };
export type TOutboundQuickReply = { label: string; postbackData: string };
export type TOutboundCard = { header: string; text?: string; image?: TOutboundImage; buttons?: TOutboundButton[] };

export type TOutboundContent =
  | { kind: "text"; text: string; quickReplies?: TOutboundQuickReply[] }
  /** Instagram shows the image and the caption as two messages, text first (spec: display order). */
  | { kind: "image"; image: TOutboundImage; caption?: string }
  | { kind: "card"; card: TOutboundCard }
  | { kind: "carousel"; cards: TOutboundCard[] };

export type TOutboundMessage = {
  /** Our Instagram account ID. */
  from: string;
  /** The customer's IGSID. */
  to: string;
  /** Unique per message, ≤32 alphanumerics: the only join key for status reports (newCmReference). */
  reference: string;
  content: TOutboundContent;
  /** Instagram message tag, e.g. HUMAN_AGENT, for replies outside the 24 h window. */
  tag?: string;
  customGrouping?: string;
  customGrouping2?: string;
  customGrouping3?: string;
};

/**
 * Instagram wants `mediaName` to end in the right extension (spec: fact sheet, media): the
 * agent's name when given, else the URL's own name when it fits the type, else `image.<ext>`.
 */
function mediaName(image: TOutboundImage): string {
  return image.name ?? mediaNameFor(image.mimeType, image.url);
}

function media(image: TOutboundImage): TCmMedia {
  return { mediaName: mediaName(image), mediaUri: image.url, mimeType: image.mimeType };
}

function button(b: TOutboundButton): TCmSuggestion {
  return b.kind === "reply"
    ? { action: "Reply", label: b.label, postbackdata: b.postbackData }
    : { action: "OpenUrl", label: b.label, url: b.url };
}

function card(c: TOutboundCard): TCmRichCard {
  return {
    header: c.header,
    ...(c.text === undefined ? {} : { text: c.text }),
    ...(c.image === undefined ? {} : { media: media(c.image) }),
    ...(c.buttons === undefined || c.buttons.length === 0 ? {} : { suggestions: c.buttons.map(button) }),
  };
}

function conversation(content: TOutboundContent, tag: string | undefined): TCmRichMessage[] | undefined {
  const tagged = tag === undefined ? {} : { tag };
  switch (content.kind) {
    case "text":
      if ((content.quickReplies?.length ?? 0) === 0 && tag === undefined) return undefined;
      return [
        {
          text: content.text,
          ...tagged,
          ...(content.quickReplies === undefined || content.quickReplies.length === 0
            ? {}
            : {
                suggestions: content.quickReplies.map((q) => ({
                  action: "Reply",
                  label: q.label,
                  postbackdata: q.postbackData,
                })),
              }),
        },
      ];
    case "image":
      return [
        { ...(content.caption === undefined ? {} : { text: content.caption }), media: media(content.image), ...tagged },
      ];
    case "card":
      return [{ ...card(content.card), ...tagged }];
    case "carousel":
      return [{ carousel: { cards: content.cards.map(card) }, ...tagged }];
  }
}

/** The body text is what CM falls back to; for rich messages the spec's examples leave it empty. */
function bodyContent(content: TOutboundContent): string {
  if (content.kind === "text") return content.text;
  if (content.kind === "image") return content.caption ?? "";
  return "";
}

export function buildInstagramMessage(message: TOutboundMessage): TCmSendMessage {
  const rich = conversation(message.content, message.tag);
  return {
    from: message.from,
    to: [{ number: message.to }],
    allowedChannels: ["Instagram"],
    reference: message.reference,
    body: { type: "auto", content: bodyContent(message.content) },
    ...(message.customGrouping === undefined ? {} : { customGrouping: message.customGrouping }),
    ...(message.customGrouping2 === undefined ? {} : { customGrouping2: message.customGrouping2 }),
    ...(message.customGrouping3 === undefined ? {} : { customGrouping3: message.customGrouping3 }),
    ...(rich === undefined ? {} : { richContent: { conversation: rich } }),
  };
}

/** A send request without body authentication: the client puts the token in a header. */
export function buildSendRequest(messages: readonly TOutboundMessage[]): TCmSendRequest {
  return { messages: { msg: messages.map(buildInstagramMessage) } };
}
