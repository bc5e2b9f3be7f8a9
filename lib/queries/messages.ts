import type { InfiniteData } from "@tanstack/react-query";
import { fetchJson, sendJson } from "../http/fetch-json";
import { outboundKind, type TOutboundContentInput } from "../messages/compose-schemas";
import { ZMessageAnswer, ZMessagePage, type TMessagePage, type TMessageView } from "../messages/schemas";
import { compareThreadOrder, UNSTORED_SEQ } from "../messages/thread-order";
import { ZMarkedRead } from "../conversations/schemas";
import { ZConversationAnswer } from "../conversations/summary";
import { conversationKeys } from "./conversations";

export const MESSAGE_PAGE_SIZE = 50;

export const messageKeys = {
  all: ["messages"] as const,
  thread: (conversationId: string) => [...messageKeys.all, "thread", conversationId] as const,
};

export const conversationDetailKey = (id: string) => [...conversationKeys.details(), id] as const;

/**
 * Where a page of a thread starts: the newest (null), older than a cursor (a string), around
 * a message (opening a search result) or newer than a cursor (scrolling down from there).
 */
export type TThreadPageParam = string | null | { around: string } | { after: string };

export type TMessagePages = InfiniteData<TMessagePage, TThreadPageParam>;

export function fetchMessagePage(conversationId: string, from: TThreadPageParam): Promise<TMessagePage> {
  const params = new URLSearchParams({ limit: String(MESSAGE_PAGE_SIZE) });
  if (typeof from === "string") params.set("cursor", from);
  else if (from && "around" in from) params.set("around", from.around);
  else if (from) params.set("after", from.after);
  return fetchJson(`/api/conversations/${encodeURIComponent(conversationId)}/messages?${params}`, ZMessagePage);
}

export function fetchConversation(id: string) {
  return fetchJson(`/api/conversations/${encodeURIComponent(id)}`, ZConversationAnswer).then((r) => r.conversation);
}

export function postMessage(
  conversationId: string,
  content: TOutboundContentInput,
  clientId: string,
  takeBack = false,
): Promise<TMessageView> {
  return sendJson("POST", `/api/conversations/${encodeURIComponent(conversationId)}/messages`, ZMessageAnswer, {
    content,
    clientId,
    takeBack,
  }).then((r) => r.message);
}

/** A write into a thread with its optimistic bubble, as useThreadWrite (./cache) runs it. */
export interface TThreadWrite<TVariables> {
  /** Sends it; answers the stored message. */
  post: (variables: TVariables) => Promise<TMessageView>;
  /** What shows until the server's copy arrives (pendingMessage). */
  bubble: (variables: TVariables) => TMessageView;
}

export type TReplyWrite = { content: TOutboundContentInput; clientId: string; takeBack: boolean };

/** A reply as the one optimistic thread-write sends it (useThreadWrite in ./cache). */
export function replyWrite(conversationId: string, authorName: string): TThreadWrite<TReplyWrite> {
  return {
    post: ({ content, clientId, takeBack }) => postMessage(conversationId, content, clientId, takeBack),
    bubble: ({ content, clientId }) => optimisticMessage(conversationId, content, clientId, authorName),
  };
}

export function postRetry(messageId: string): Promise<TMessageView> {
  return sendJson("POST", `/api/messages/${encodeURIComponent(messageId)}/retry`, ZMessageAnswer).then(
    (r) => r.message,
  );
}

/** Withdraws a queued reply; 409 with the reason once it is being sent or was sent. */
export function postCancel(messageId: string): Promise<TMessageView> {
  return sendJson("POST", `/api/messages/${encodeURIComponent(messageId)}/cancel`, ZMessageAnswer).then(
    (r) => r.message,
  );
}

export function postRead(conversationId: string): Promise<unknown> {
  return sendJson("POST", `/api/conversations/${encodeURIComponent(conversationId)}/read`, ZMarkedRead);
}

/**
 * Pure cache updater for a thread (pages newest first). A message replaces the copy with the
 * same id, or the optimistic bubble with the same clientId (the server's copy of what this
 * browser sent); a copy older than the one held (by updatedAt) is dropped, so events and
 * request answers may arrive in any order.
 */
export function upsertMessage(data: TMessagePages | undefined, incoming: TMessageView): TMessagePages | undefined {
  if (!data) return data;
  const matches = (m: TMessageView) =>
    m.id === incoming.id ||
    (incoming.clientId !== null && m.clientId === incoming.clientId && m.id.startsWith("pending:"));
  const existing = data.pages.flatMap((p) => p.messages).find(matches);
  if (existing && existing.id === incoming.id && existing.updatedAt > incoming.updatedAt) return data;
  if (existing) {
    return {
      ...data,
      pages: data.pages.map((page) => ({ ...page, messages: page.messages.map((m) => (matches(m) ? incoming : m)) })),
    };
  }
  const [first, ...rest] = data.pages;
  if (!first) return data;
  // Where the server would place it (pages are newest first).
  const at = first.messages.findIndex((m) => compareThreadOrder(incoming, m) > 0);
  const messages = [...first.messages];
  messages.splice(at === -1 ? messages.length : at, 0, incoming);
  return { ...data, pages: [{ ...first, messages }, ...rest] };
}

/** Marks this browser's optimistic bubble failed (the request itself failed). */
export function failOptimistic(
  data: TMessagePages | undefined,
  clientId: string,
  reason: string,
): TMessagePages | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      messages: page.messages.map((m) =>
        m.clientId === clientId && m.id.startsWith("pending:")
          ? { ...m, status: "FAILED" as const, statusReason: reason, retryable: true }
          : m,
      ),
    })),
  };
}

/** The bubble shown the moment the agent presses Enter, before the server answers. */
export function optimisticMessage(
  conversationId: string,
  content: TOutboundContentInput,
  clientId: string,
  authorName: string,
): TMessageView {
  return pendingMessage({
    conversationId,
    direction: "OUTBOUND",
    kind: outboundKind(content),
    content,
    clientId,
    authorName,
  });
}

/** A message this browser wrote (a reply or a note) as it shows until the server's copy replaces it. */
export function pendingMessage(
  fields: Pick<TMessageView, "conversationId" | "direction" | "kind" | "content" | "authorName"> & { clientId: string },
): TMessageView {
  return {
    ...fields,
    id: `pending:${fields.clientId}`,
    deleted: false,
    status: "SENDING",
    statusReason: null,
    retryable: false,
    attempts: 0,
    nextAttemptAt: null,
    maybeDuplicate: false,
    sentAt: new Date().toISOString(),
    seq: UNSTORED_SEQ,
    updatedAt: "",
  };
}
