import type { TInboundMessage } from "./schemas/inbound-message";

// What a customer's Instagram message can be, so the app can pick a bubble for it. Anything we
// cannot recognise is `unsupported` with the raw payload, never dropped. Every `url` is Meta's
// privacy-aware CDN URL: stored and rendered from there, never downloaded (spec: business
// rules); it stops working when the content expires, which the thread says when it happens.

export type TShareType = "post" | "reel" | "story";

export type TCustomerMessage =
  | { kind: "text"; text: string }
  | { kind: "image"; url: string; mimeType: string | null; caption: string }
  /** A voice note or other audio. */
  | { kind: "audio"; url: string; mimeType: string | null; caption: string }
  | { kind: "video"; url: string; mimeType: string | null; caption: string }
  /** Any other file: offered as a download link; `name` is CM's `media.title` when given. */
  | { kind: "file"; url: string; mimeType: string | null; name: string | null; caption: string }
  /** A post, reel or story the customer shared; `text` what they wrote with it. */
  | { kind: "share"; shareType: TShareType; url: string; title: string | null; text: string }
  /** `label` is the text the customer saw on the button; `postbackData` what we attached to it. */
  | { kind: "quick_reply"; label: string; postbackData: string }
  | { kind: "story_reply"; text: string; storyUrl: string | null; storyId: string | null }
  | { kind: "unsupported"; reason: string; raw: unknown };

// Meta's attachment types (and CM's likely spellings) for a shared post, reel or story.
const SHARE_TYPES: Record<string, TShareType> = {
  share: "post",
  post: "post",
  ig_post: "post",
  media_share: "post",
  reel: "reel",
  ig_reel: "reel",
  reels: "reel",
  clip: "reel",
  story: "story",
  story_share: "story",
  ig_story: "story",
};

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;.*)?$/i;
const AUDIO_EXTENSIONS = /\.(aac|m4a|wav|mp3|oga|opus)$/i;
const VIDEO_EXTENSIONS = /\.(mp4|webm|mov|avi|ogv|ogg)$/i;
const OTHER_EXTENSIONS = /\.(pdf|docx?|xlsx?|pptx?|txt|csv|zip)$/i;

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
  if (message.share !== null) {
    const shareType = SHARE_TYPES[(message.share.type ?? "share").toLowerCase()];
    if (shareType === undefined) {
      return { kind: "unsupported", reason: `a shared ${message.share.type ?? "item"}`, raw: message.raw };
    }
    return { kind: "share", shareType, url: message.share.url, title: message.share.title, text: message.text };
  }
  if (message.media !== null) return classifyMedia(message, message.media);
  if (message.text.trim() !== "") return { kind: "text", text: message.text };
  return { kind: "unsupported", reason: "no text, media, quick reply or story reply", raw: message.raw };
}

function classifyMedia(message: TInboundMessage, media: NonNullable<TInboundMessage["media"]>): TCustomerMessage {
  const type = media.contentType;
  if (type !== null && !MIME.test(type.trim())) {
    return { kind: "unsupported", reason: `media of type ${type}`, raw: message.raw };
  }
  const family = type === null ? familyFromName(media) : type.trim().split("/")[0]?.toLowerCase();
  const common = { url: media.url, mimeType: type, caption: message.text };
  switch (family) {
    case "image":
      return { kind: "image", ...common };
    case "audio":
      return { kind: "audio", ...common };
    case "video":
      return { kind: "video", ...common };
    default:
      return { kind: "file", ...common, name: media.title };
  }
}

/**
 * An untyped attachment: CM's Instagram sample sends `contentType: ""`, and Meta's CDN URLs
 * carry no extension, so a name that ends in one decides; otherwise it is taken to be an
 * image, the one kind of media Instagram's own sample shows.
 */
function familyFromName(media: NonNullable<TInboundMessage["media"]>): string {
  const names = [media.title ?? "", safePath(media.url)];
  if (names.some((n) => AUDIO_EXTENSIONS.test(n))) return "audio";
  if (names.some((n) => VIDEO_EXTENSIONS.test(n))) return "video";
  if (names.some((n) => OTHER_EXTENSIONS.test(n))) return "application";
  return "image";
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}
