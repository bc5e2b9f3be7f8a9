import type { TInboundMessage } from "./schemas/inbound-message";

// What a customer's Instagram message can be, so the app can pick a bubble for it. Anything we
// cannot recognise is `unsupported` with the raw payload, never dropped.

export type TCustomerMessage =
  | { kind: "text"; text: string }
  /** `url` is Meta's privacy-aware CDN URL: store and render it, never download it (spec: business rules). */
  | { kind: "image"; url: string; mimeType: string | null; caption: string }
  /** `label` is the text the customer saw on the button; `postbackData` what we attached to it. */
  | { kind: "quick_reply"; label: string; postbackData: string }
  | { kind: "story_reply"; text: string; storyUrl: string | null; storyId: string | null }
  | { kind: "unsupported"; reason: string; raw: unknown };

export function classifyCustomerMessage(message: TInboundMessage): TCustomerMessage {
  if (message.storyReply !== null) {
    return {
      kind: "story_reply",
      text: message.text,
      storyUrl: message.storyReply.url,
      storyId: message.storyReply.id,
    };
  }
  if (message.postbackData !== null) {
    return { kind: "quick_reply", label: message.text, postbackData: message.postbackData };
  }
  if (message.media !== null) {
    const type = message.media.contentType;
    // CM's Instagram sample sends `contentType: ""`, and images are the only media Instagram
    // delivers to a business as a file, so an untyped attachment is taken to be an image.
    if (type === null || type.toLowerCase().startsWith("image/")) {
      return { kind: "image", url: message.media.url, mimeType: type, caption: message.text };
    }
    return { kind: "unsupported", reason: `media of type ${type}`, raw: message.raw };
  }
  if (message.text.trim() !== "") return { kind: "text", text: message.text };
  return { kind: "unsupported", reason: "no text, media, quick reply or story reply", raw: message.raw };
}
