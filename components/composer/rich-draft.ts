import { HUMAN_AGENT_POSTBACK } from "@/lib/channel/rules";
import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import { imageTypeFromUrl, type TImageMimeType } from "@/lib/cm/media-type";
import type { TOutboundContentInput } from "@/lib/messages/compose-schemas";

// What the rich composer edits, and how it becomes the content we send. Drafts hold every field
// as the agent typed it (empty strings included) plus an id per list item for React keys; they
// become content only through `draftToContent`, which keeps list positions so that a schema
// issue's path (`quickReplies.2.label`) points straight back at the field that caused it.

/**
 * "text" is plain text, offered where the rich composer is the only editor (saving a reply); it
 * edits the same text as the quick-replies tab, so switching between the two keeps it.
 */
export type TRichKind = "text" | "quickReplies" | "image" | "card" | "carousel";
export type { TImageMimeType };

export type TQuickReplyDraft = { id: string; label: string; postbackData: string };
export type TQuickRepliesDraft = { text: string; replies: TQuickReplyDraft[] };
/**
 * `mimeType` follows the link (its extension or its server's answer) unless `typeOverridden`:
 * the agent chose another type on purpose.
 */
export type TImageDraft = {
  url: string;
  mimeType: TImageMimeType;
  typeOverridden: boolean;
  name: string;
  caption: string;
};
export type TButtonDraft = { id: string; kind: "reply" | "url"; label: string; postbackData: string; url: string };
export type TCardDraft = {
  id: string;
  header: string;
  text: string;
  imageUrl: string;
  imageMimeType: TImageMimeType;
  imageTypeOverridden: boolean;
  buttons: TButtonDraft[];
};

/** All four editors' drafts, so switching tabs keeps what the agent already wrote. */
export type TRichDraft = {
  kind: TRichKind;
  quickReplies: TQuickRepliesDraft;
  image: TImageDraft;
  card: TCardDraft;
  carousel: TCardDraft[];
};

export type TNewId = () => string;

/** Ids only need to be unique within one page's drafts; a counter is enough and needs no crypto. */
export function createIdSource(prefix = "draft"): TNewId {
  let next = 0;
  return () => `${prefix}-${++next}`;
}

export const DEFAULT_MIME_TYPE: TImageMimeType = "image/jpeg";

/** The shortcut's label: short enough for Instagram's 20 characters, plain enough for anyone. */
export const HUMAN_AGENT_LABEL = "Talk to a person";

export function emptyQuickReply(newId: TNewId): TQuickReplyDraft {
  return { id: newId(), label: "", postbackData: "" };
}

export function emptyButton(newId: TNewId): TButtonDraft {
  return { id: newId(), kind: "reply", label: "", postbackData: "", url: "" };
}

export function emptyCard(newId: TNewId): TCardDraft {
  return {
    id: newId(),
    header: "",
    text: "",
    imageUrl: "",
    imageMimeType: DEFAULT_MIME_TYPE,
    imageTypeOverridden: false,
    buttons: [],
  };
}

export function emptyDraft(newId: TNewId, kind: TRichKind = "quickReplies"): TRichDraft {
  return {
    kind,
    quickReplies: { text: "", replies: [emptyQuickReply(newId)] },
    image: { url: "", mimeType: DEFAULT_MIME_TYPE, typeOverridden: false, name: "", caption: "" },
    card: emptyCard(newId),
    carousel: Array.from({ length: L.carouselCardsMin }, () => emptyCard(newId)),
  };
}

/** Optional text fields are left out when blank, so the schema sees "not given", not "empty". */
function optional(value: string): string | undefined {
  return value.trim() === "" ? undefined : value;
}

export function cardDraftToContent(card: TCardDraft) {
  const text = optional(card.text);
  const imageUrl = optional(card.imageUrl);
  return {
    header: card.header,
    ...(text === undefined ? {} : { text }),
    ...(imageUrl === undefined ? {} : { image: { url: imageUrl.trim(), mimeType: card.imageMimeType } }),
    // Every button is kept, blank ones too: removing them would shift the issue paths.
    ...(card.buttons.length === 0
      ? {}
      : {
          buttons: card.buttons.map((b) =>
            b.kind === "reply"
              ? { kind: "reply" as const, label: b.label, postbackData: b.postbackData }
              : { kind: "url" as const, label: b.label, url: b.url.trim() },
          ),
        }),
  };
}

/**
 * The content the draft of the selected kind stands for. Not validated: it may still break
 * Instagram's rules (the preview shows it anyway, while the agent types).
 */
export function draftToContent(draft: TRichDraft): TOutboundContentInput {
  switch (draft.kind) {
    case "text":
      return { kind: "text", text: draft.quickReplies.text };
    case "quickReplies":
      return {
        kind: "text",
        text: draft.quickReplies.text,
        quickReplies: draft.quickReplies.replies.map(({ label, postbackData }) => ({ label, postbackData })),
      };
    case "image": {
      const { url, mimeType, name, caption } = draft.image;
      const fileName = optional(name);
      const text = optional(caption);
      return {
        kind: "image",
        image: { url: url.trim(), mimeType, ...(fileName === undefined ? {} : { name: fileName.trim() }) },
        ...(text === undefined ? {} : { caption: text }),
      };
    }
    case "card":
      return { kind: "card", card: cardDraftToContent(draft.card) };
    case "carousel":
      return { kind: "carousel", cards: draft.carousel.map(cardDraftToContent) };
  }
}

export function hasHumanAgentReply(draft: TQuickRepliesDraft): boolean {
  return draft.replies.some((r) => r.postbackData.trim() === HUMAN_AGENT_POSTBACK);
}

/**
 * Offers the customer a person: a quick reply whose HUMAN_AGENT postback makes CM hand the chat
 * to the Instagram inbox for 24 hours when tapped (spec: handover protocol). Fills the first
 * blank row rather than leaving it dangling; does nothing if one is offered already or the list
 * is full.
 */
export function addHumanAgentReply(draft: TQuickRepliesDraft, newId: TNewId): TQuickRepliesDraft {
  if (!canAddHumanAgentReply(draft)) return draft;
  const reply = { label: HUMAN_AGENT_LABEL, postbackData: HUMAN_AGENT_POSTBACK };
  const blank = draft.replies.findIndex(isBlankReply);
  if (blank !== -1) {
    return { ...draft, replies: draft.replies.map((r, i) => (i === blank ? { ...r, ...reply } : r)) };
  }
  return { ...draft, replies: [...draft.replies, { id: newId(), ...reply }] };
}

export function canAddHumanAgentReply(draft: TQuickRepliesDraft): boolean {
  if (hasHumanAgentReply(draft)) return false;
  return draft.replies.length < L.quickRepliesMax || draft.replies.some(isBlankReply);
}

function isBlankReply(reply: TQuickReplyDraft): boolean {
  return reply.label.trim() === "" && reply.postbackData.trim() === "";
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, i) => (i === index ? item : existing));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Moves one item by `delta` places (−1 left, +1 right); a move past either end changes nothing. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length || delta === 0) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  if (item === undefined) return [...list];
  next.splice(target, 0, item);
  return next;
}

type TCardContent = Extract<TOutboundContentInput, { kind: "card" }>["card"];

function cardToDraft(card: TCardContent, newId: TNewId): TCardDraft {
  return {
    id: newId(),
    header: card.header,
    text: card.text ?? "",
    imageUrl: card.image?.url ?? "",
    imageMimeType: card.image?.mimeType ?? DEFAULT_MIME_TYPE,
    imageTypeOverridden: card.image !== undefined && imageTypeFromUrl(card.image.url) !== card.image.mimeType,
    buttons: (card.buttons ?? []).map((b) => ({
      id: newId(),
      kind: b.kind,
      label: b.label,
      postbackData: b.kind === "reply" ? b.postbackData : "",
      url: b.kind === "url" ? b.url : "",
    })),
  };
}

/**
 * The inverse of `draftToContent`: a draft that starts from existing content (a saved reply), on
 * the tab of its kind, the other tabs blank. A type that is not what the link's extension says
 * was chosen on purpose and stays. A card image's file name is not kept: the card editor has no
 * field for it (the sent name then follows the link, as for any card the agent builds).
 */
export function contentToDraft(content: TOutboundContentInput, newId: TNewId): TRichDraft {
  const draft = emptyDraft(newId);
  switch (content.kind) {
    case "text":
      if (!content.quickReplies?.length) {
        return { ...draft, kind: "text", quickReplies: { ...draft.quickReplies, text: content.text } };
      }
      return {
        ...draft,
        kind: "quickReplies",
        quickReplies: { text: content.text, replies: content.quickReplies.map((q) => ({ id: newId(), ...q })) },
      };
    case "image":
      return {
        ...draft,
        kind: "image",
        image: {
          url: content.image.url,
          mimeType: content.image.mimeType,
          typeOverridden: imageTypeFromUrl(content.image.url) !== content.image.mimeType,
          name: content.image.name ?? "",
          caption: content.caption ?? "",
        },
      };
    case "card":
      return { ...draft, kind: "card", card: cardToDraft(content.card, newId) };
    case "carousel":
      return { ...draft, kind: "carousel", carousel: content.cards.map((c) => cardToDraft(c, newId)) };
  }
}
