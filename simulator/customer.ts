import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { z } from "zod";
import { parseCmUtcTime } from "../lib/cm/schemas/party";
import type { TSimAccount } from "./accounts";
import { formatCmLocal, formatCmUtc } from "./cm-time";
import type { TMessageLog } from "./message-log";
import { SAMPLE_FILES, SAMPLE_MEDIA_PATH } from "./sample-media";

// The simulator playing the Instagram customer: builds the MO and event webhooks CM would post
// (FORMATS.md §3 and §4). Shapes marked ASSUMPTION are not confirmed by CM's docs.

const ZIgsid = z.string().regex(/^\d+$/, "must be digits (an IGSID)");

/** An attachment: without `url`, the simulator's own sample (see sample-media.ts); `expired`: a link that 404s. */
const ZMediaInput = z.object({
  url: z.url().optional(),
  contentType: z.string().optional(),
  title: z.string().optional(),
  expired: z.boolean().optional(),
});

export const ZCustomerMessageInput = z.object({
  /** The Instagram account ID or the product token of the simulated account. */
  account: z.string(),
  from: z.object({ igsid: ZIgsid, name: z.string().default(""), username: z.string().default("") }),
  text: z.string().optional(),
  image: ZMediaInput.optional(),
  /** A voice note (default: a short WAV tone served by the simulator). */
  audio: ZMediaInput.optional(),
  /** A video (default: a one-second WebM served by the simulator). */
  video: ZMediaInput.optional(),
  /** Any other file (default: a small text file served by the simulator). */
  file: ZMediaInput.optional(),
  /** A post, reel or story the customer shares (default URL: an instagram.com-like link). */
  share: z
    .object({
      type: z.enum(["post", "reel", "story"]).default("post"),
      url: z.url().optional(),
      title: z.string().optional(),
    })
    .optional(),
  quickReply: z.object({ label: z.string(), postbackData: z.string() }).optional(),
  storyReply: z
    .object({ storyUrl: z.url().optional(), storyId: z.string().optional(), text: z.string().optional() })
    .optional(),
  /** Instagram's message ID (default: a new random one); MessageDelete names it. */
  mid: z.string().optional(),
  /** Overrides the MO `reference` (default: the reference of our last message to this customer). */
  reference: z.string().optional(),
  /** ISO time or CM's `yyyy-MM-ddTHH:mm:ss` (UTC); default now. */
  timeUtc: z.string().optional(),
});
export type TCustomerMessageInput = z.infer<typeof ZCustomerMessageInput>;

export const ZCustomerEventInput = z.object({
  account: z.string(),
  from: z.union([ZIgsid, z.object({ igsid: ZIgsid })]).transform((f) => (typeof f === "string" ? f : f.igsid)),
  type: z.string().default("StoryMention"),
  /** StoryMention: the story's CDN URL (generated when absent). */
  url: z.url().optional(),
  /** MessageDelete: the deleted message's Instagram ID (default: the customer's last message). */
  messageReference: z.string().optional(),
  custom: z.record(z.string(), z.unknown()).optional(),
  timeUtc: z.string().optional(),
});
export type TCustomerEventInput = z.infer<typeof ZCustomerEventInput>;

function time(value: string | undefined): Date {
  const parsed = value === undefined ? null : parseCmUtcTime(value);
  return parsed ?? new Date();
}

const digits = (n: number) =>
  Array.from({ length: n }, (_, i) => (i === 0 ? randomInt(1, 10) : randomInt(0, 10))).join("");

/** Looks like Meta's Instagram message IDs (base64 of an internal id). */
export function newMid(): string {
  return `aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx${randomBytes(18).toString("base64url")}`;
}

/** Instagram media arrive as Meta CDN URLs (FORMATS.md §3.2); this imitates their look. */
export function fakeInstagramCdnUrl(): string {
  return `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${digits(17)}&signature=${randomBytes(24).toString("base64url")}`;
}

// ASSUMPTION (shares UNCONFIRMED, FORMATS.md §9): Meta's attachment type names, under `custom.share`.
const SHARE_TYPE = { post: "share", reel: "ig_reel", story: "story" } as const;

function shareUrl(type: "post" | "reel" | "story"): string {
  const id = randomBytes(8).toString("base64url");
  return type === "story"
    ? `https://www.instagram.com/stories/someone/${digits(19)}/`
    : `https://www.instagram.com/${type === "reel" ? "reel" : "p"}/${id}/`;
}

/** The MO's `message.media` (FORMATS.md §3.1): the first attachment given, or CM's empty one. */
function mediaOf(input: TCustomerMessageInput, base: string) {
  const expired = (m: { expired?: boolean | undefined }) =>
    m.expired ? `${base}${SAMPLE_MEDIA_PATH}/expired/${randomBytes(9).toString("base64url")}` : undefined;
  if (input.image !== undefined) {
    const m = input.image;
    return {
      mediaUri: m.url ?? expired(m) ?? fakeInstagramCdnUrl(),
      contentType: m.contentType ?? "",
      title: m.title ?? "",
    };
  }
  for (const kind of ["audio", "video", "file"] as const) {
    const m = input[kind];
    if (m === undefined) continue;
    const sample = SAMPLE_FILES[kind];
    const own = m.url === undefined;
    return {
      mediaUri: m.url ?? expired(m) ?? `${base}${SAMPLE_MEDIA_PATH}/${sample.name}`,
      contentType: m.contentType ?? (own ? sample.contentType : ""),
      title: m.title ?? (kind === "file" && own ? sample.name : ""),
    };
  }
  return { mediaUri: "", contentType: "", title: "" };
}

/** `base`: the simulator's own address, where its sample media are served. */
export function customerMessagePayload(
  input: TCustomerMessageInput,
  account: TSimAccount,
  log: TMessageLog,
  base = "http://127.0.0.1",
) {
  const at = time(input.timeUtc);
  // ASSUMPTION: a customer's message carries the reference and groupings of our last message to
  // them, as CM describes for replies; what an unsolicited DM carries is UNCONFIRMED.
  const last = log.lastTo(account.igAccountId, input.from.igsid);
  const text = input.quickReply?.label ?? input.storyReply?.text ?? input.text ?? "";
  // ASSUMPTION: Instagram's message ID as `custom.mid` (see lib/cm/schemas/inbound-message.ts);
  // a MessageDelete event names it in `event.reference`.
  const custom: Record<string, unknown> = { username: input.from.username, mid: input.mid ?? newMid() };
  if (input.quickReply !== undefined) {
    // Shape documented for Messenger, assumed for Instagram (FORMATS.md §3.3).
    custom["suggestions"] = [{ action: "Reply", postbackData: input.quickReply.postbackData }];
  }
  if (input.storyReply !== undefined) {
    // ASSUMPTION (FORMATS.md §3.2, story reply UNCONFIRMED): Meta's `reply_to.story {url, id}`
    // passed through as `custom.storyReply`. lib/cm also reads `custom.story` and `custom.reply_to.story`.
    custom["storyReply"] = {
      url: input.storyReply.storyUrl ?? fakeInstagramCdnUrl(),
      id: input.storyReply.storyId ?? digits(17),
    };
  }
  if (input.share !== undefined) {
    custom["share"] = {
      type: SHARE_TYPE[input.share.type],
      url: input.share.url ?? shareUrl(input.share.type),
      ...(input.share.title === undefined ? {} : { title: input.share.title }),
    };
  }
  return {
    reference: input.reference ?? last?.reference ?? "",
    messageContext: "",
    from: { number: input.from.igsid, name: input.from.name },
    to: { number: account.igAccountId },
    message: {
      text,
      media: mediaOf(input, base),
      custom,
    },
    groupings: [last?.msg.customGrouping ?? "", last?.msg.customGrouping2 ?? "", last?.msg.customGrouping3 ?? ""],
    time: formatCmLocal(at),
    timeUtc: formatCmUtc(at),
    channel: "Instagram",
  };
}

/** `lastMid`: the customer's last message, which a MessageDelete without a reference deletes. */
export function customerEventPayload(input: TCustomerEventInput, account: TSimAccount, lastMid?: string) {
  const type = input.type;
  const custom =
    input.custom ?? (type.toLowerCase() === "storymention" ? { url: input.url ?? fakeInstagramCdnUrl() } : undefined);
  return {
    reference: randomUUID(),
    messageContext: "",
    from: { number: input.from },
    to: { number: account.igAccountId },
    event: {
      type,
      ...(type.toLowerCase() === "messagedelete" ? { reference: input.messageReference ?? lastMid ?? digits(9) } : {}),
      ...(custom === undefined ? {} : { custom }),
    },
    timeUtc: formatCmUtc(time(input.timeUtc)),
    channel: "Instagram",
  };
}
