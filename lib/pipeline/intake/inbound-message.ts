import { randomUUID } from "node:crypto";
import { handoverUntilAfter } from "../../channel/rules";
import { classifyCustomerMessage } from "../../cm/customer-message";
import type { TInboundMessage } from "../../cm/schemas/inbound-message";
import { previewOf, type TMessageKind } from "../../messages/schemas";
import { searchTextOf } from "../../messages/search-text";

const KIND = {
  text: "TEXT",
  image: "IMAGE",
  audio: "AUDIO",
  video: "VIDEO",
  share: "SHARE",
  file: "FILE",
  quick_reply: "QUICK_REPLY_ANSWER",
  story_reply: "STORY_REPLY",
  unsupported: "UNSUPPORTED",
} as const satisfies Record<string, TMessageKind>;

/** A customer's message to store, as parsed from its webhook. */
export interface TInboundItem {
  accountId: string;
  mo: TInboundMessage;
  dedupeKey: string;
  /** Characters that could not be stored were replaced: the thread says so. */
  replaced?: boolean;
}

/** A customer's message ready for the statement: its row's columns, and what the list shows. */
export interface TInboundRowInput {
  id: string;
  /** `accountId:igsid`: whose contact and conversation this message moves along. */
  customer: string;
  accountId: string;
  mo: TInboundMessage;
  kind: TMessageKind;
  /** The content as JSON text. */
  content: string;
  preview: string;
  searchText: string | null;
  /** The list's preview should this message turn out to be deleted already. */
  deletedPreview: string;
  handoverUntil: Date | null;
  dedupeKey: string;
}

export function toInboundRowInput({ accountId, mo, dedupeKey, replaced }: TInboundItem): TInboundRowInput {
  const classified = classifyCustomerMessage(mo);
  const { kind: _kind, ...classifiedContent } = classified;
  const content = replaced ? { ...classifiedContent, replacedCharacters: true } : classifiedContent;
  const kind = KIND[classified.kind];
  return {
    id: randomUUID(),
    customer: `${accountId}:${mo.from.number}`,
    accountId,
    mo,
    kind,
    content: JSON.stringify(content),
    preview: previewOf(kind, content).slice(0, 200),
    searchText: searchTextOf(kind, content),
    deletedPreview: previewOf(kind, null),
    // The customer asked for a human in the Instagram inbox: CM hands the chat over for 24 h.
    handoverUntil: classified.kind === "quick_reply" ? handoverUntilAfter(classified.postbackData, mo.timeUtc) : null,
    dedupeKey,
  };
}
