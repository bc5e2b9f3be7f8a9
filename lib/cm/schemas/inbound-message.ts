import { z } from "zod";
import { ciObject } from "../case-insensitive-object";
import { ZCmParty, ZCmUtcTime } from "./party";

// The MO (incoming message) webhook, FORMATS.md §3. Empty strings are CM's way of saying
// "absent" (`media.mediaUri: ""`), so the normalised shape turns them into null.

const ZOptionalText = z.string().nullish();

export const ZCmMoSuggestion = ciObject({
  action: ZOptionalText,
  label: ZOptionalText,
  // Inbound spelling is camel-case `postbackData` (FORMATS.md §3.3); any casing is accepted.
  postbackData: ZOptionalText,
});

// ASSUMPTION (story-reply payload is UNCONFIRMED, FORMATS.md §3.2): CM is taken to pass Meta's
// `reply_to.story {url, id}` through as `message.custom.storyReply {url, id}`. We also read
// `custom.story` and Meta's own `custom.reply_to.story`, so a live payload in either shape works.
// The simulator emits `custom.storyReply` (simulator/README.md).
export const ZCmStoryRef = ciObject({ url: ZOptionalText, id: z.union([z.string(), z.number()]).nullish() });

// ASSUMPTION (shares are UNCONFIRMED, FORMATS.md §9): a post, reel or story the customer shares
// is taken to arrive as `custom.share {type, url, title}`; we also read Meta's own attachment
// list passed through as `custom.attachments[] {type, payload {url, title}}` (types `share`,
// `ig_reel`, `story`...). The simulator sends `custom.share`. A malformed one is ignored (the
// raw payload is kept), never a reason to refuse the message.
const ZCmShareRef = ciObject({ type: ZOptionalText, url: ZOptionalText, title: ZOptionalText });
const ZCmAttachment = ciObject({
  type: ZOptionalText,
  payload: ciObject({ url: ZOptionalText, title: ZOptionalText }).nullish(),
});

export const ZCmMoCustom = ciObject({
  username: ZOptionalText,
  // ASSUMPTION (no per-message ID is documented for MO, FORMATS.md §3.1/§7): Instagram's message
  // ID (Meta's `mid`), which a later MessageDelete event names in `event.reference`, is taken to
  // arrive as `custom.mid` (or `custom.messageId`). The simulator sends `custom.mid`.
  mid: ZOptionalText,
  messageId: ZOptionalText,
  suggestions: z.array(ZCmMoSuggestion).nullish(),
  storyReply: ZCmStoryRef.nullish(),
  story: ZCmStoryRef.nullish(),
  reply_to: ciObject({ story: ZCmStoryRef.nullish() }).nullish(),
  share: ZCmShareRef.nullish().catch(null),
  attachments: z.array(ZCmAttachment).nullish().catch(null),
});

export const ZCmMoMedia = ciObject({
  mediaUri: ZOptionalText,
  contentType: ZOptionalText,
  title: ZOptionalText,
});

export const ZCmMoWebhook = ciObject({
  reference: ZOptionalText,
  messageContext: ZOptionalText,
  from: ZCmParty,
  to: ZCmParty,
  message: ciObject({
    text: ZOptionalText,
    media: ZCmMoMedia.nullish(),
    custom: ZCmMoCustom.nullish(),
  }).nullish(),
  // Legacy SMS MO carries the text in `body` (FORMATS.md §3.5).
  body: ZOptionalText,
  groupings: z.array(z.string().nullish()).nullish(),
  time: ZOptionalText,
  timeUtc: ZCmUtcTime,
  channel: ZOptionalText,
});
export type TCmMoWebhook = z.output<typeof ZCmMoWebhook>;

/** A customer's message as the app wants it: clean, typed, with the raw payload kept. */
export type TInboundMessage = {
  /** The customer. Instagram: IGSID and display name. */
  from: { number: string; name: string | null };
  /** Our Instagram account ID. */
  to: string;
  reference: string | null;
  /** Instagram's ID of this message, when CM passes it (see ZCmMoCustom): what MessageDelete names. */
  messageId: string | null;
  channel: string | null;
  /** Text as shown to the customer; for a quick-reply tap, the label they saw. */
  text: string;
  media: { url: string; contentType: string | null; title: string | null } | null;
  username: string | null;
  /** Postback data of a tapped quick reply (the first one if CM lists several). */
  postbackData: string | null;
  suggestions: { action: string | null; label: string | null; postbackData: string | null }[];
  storyReply: { url: string | null; id: string | null } | null;
  /** A shared post, reel or story, as CM names it (`type` raw, e.g. "ig_reel"); see ZCmShareRef. */
  share: { type: string | null; url: string; title: string | null } | null;
  groupings: string[];
  timeUtc: Date;
  raw: unknown;
};

function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === "" ? null : value;
}

export type TParseResult<T> = { ok: true; value: T } | { ok: false; error: string; raw: unknown };

export function parseInboundMessage(payload: unknown): TParseResult<TInboundMessage> {
  const parsed = ZCmMoWebhook.safeParse(payload);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error), raw: payload };
  const mo = parsed.data;
  const custom = mo.message?.custom ?? null;
  const mediaUrl = blankToNull(mo.message?.media?.mediaUri);
  const story = custom?.storyReply ?? custom?.story ?? custom?.reply_to?.story ?? null;
  const attachment = custom?.attachments?.find((a) => blankToNull(a.payload?.url) !== null);
  const shareUrl = blankToNull(custom?.share?.url) ?? blankToNull(attachment?.payload?.url);
  const suggestions = (custom?.suggestions ?? []).map((s) => ({
    action: blankToNull(s.action),
    label: blankToNull(s.label),
    postbackData: blankToNull(s.postbackData),
  }));
  return {
    ok: true,
    value: {
      from: mo.from,
      to: mo.to.number,
      reference: blankToNull(mo.reference),
      messageId: blankToNull(custom?.mid) ?? blankToNull(custom?.messageId),
      channel: blankToNull(mo.channel),
      text: mo.message?.text ?? mo.body ?? "",
      media:
        mediaUrl === null
          ? null
          : {
              url: mediaUrl,
              contentType: blankToNull(mo.message?.media?.contentType),
              title: blankToNull(mo.message?.media?.title),
            },
      username: blankToNull(custom?.username),
      postbackData: suggestions.find((s) => s.postbackData !== null)?.postbackData ?? null,
      suggestions,
      storyReply:
        story === null ? null : { url: blankToNull(story.url), id: story.id == null ? null : String(story.id) },
      share:
        shareUrl === null
          ? null
          : custom?.share && blankToNull(custom.share.url) !== null
            ? { type: blankToNull(custom.share.type), url: shareUrl, title: blankToNull(custom.share.title) }
            : { type: blankToNull(attachment?.type), url: shareUrl, title: blankToNull(attachment?.payload?.title) },
      groupings: (mo.groupings ?? []).map((g) => g ?? ""),
      timeUtc: mo.timeUtc,
      raw: payload,
    },
  };
}
