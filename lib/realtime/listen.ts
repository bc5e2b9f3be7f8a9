import type { Socket } from "socket.io-client";
import { z } from "zod";
import { ZConversationSummary } from "../conversations/summary";
import { ZLabelList } from "../labels/schemas";
import { ZMessageView } from "../messages/schemas";
import { ZMentionNotice } from "../notes/schemas";
import { ZSlaWarningNotice } from "../sla/schemas";
import { ZConversationPresence } from "./conversation-presence-state";
import { EVENTS, type TClientToServerEvents, type TInboxChange, type TServerToClientEvents } from "./events";

// The browser's one way to listen to the server's events: each payload is checked against its
// schema before a handler sees it (types are not validation: the socket is an input like any
// other). The provider, the notifications and the presence hooks all listen through it.

type TEventName = keyof TServerToClientEvents;
/** What a handler of the event receives (undefined for events without a payload). */
export type TPayloadOf<K extends TEventName> = Parameters<TServerToClientEvents[K]>[0];
export type TEventHandlers = { [K in TEventName]?: (payload: TPayloadOf<K>) => void };

/** The browser's socket. */
export type TBrowserSocket = Socket<TServerToClientEvents, TClientToServerEvents>;
/** Its `on`/`off` as this module uses them: any event name, a payload not yet trusted. */
interface TUntypedListening {
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
}

/**
 * An inbox change item by item: a conversation or message that does not fit its schema is left
 * out, the rest still applies (one bad row must not cost an agent the others).
 */
export function parseInboxChange(raw: unknown): TInboxChange | null {
  if (typeof raw !== "object" || raw === null) return null;
  const change = raw as Record<string, unknown>;
  const items = <T>(value: unknown, schema: z.ZodType<T>): T[] =>
    Array.isArray(value) ? value.flatMap((item) => schema.safeParse(item).data ?? []) : [];
  return {
    conversations: items(change.conversations, ZConversationSummary),
    created: items(change.created, ZMessageView),
    updated: items(change.updated, ZMessageView),
  };
}

const fromSchema =
  <T>(schema: z.ZodType<T>) =>
  (raw: unknown): T | null =>
    schema.safeParse(raw).data ?? null;
const noPayload = (): undefined => undefined;

const PARSERS: { [K in TEventName]: (raw: unknown) => TPayloadOf<K> | null } = {
  [EVENTS.inboxChanged]: parseInboxChange,
  [EVENTS.sessionRevoked]: fromSchema(z.object({ reason: z.string() })),
  [EVENTS.serverStatus]: fromSchema(z.object({ database: z.enum(["ok", "unavailable"]) })),
  [EVENTS.serverStopping]: fromSchema(z.object({ reconnectWithinMs: z.number().finite().min(0) })),
  [EVENTS.accessChanged]: noPayload,
  [EVENTS.conversationsRemoved]: noPayload,
  [EVENTS.conversationPresence]: fromSchema(ZConversationPresence),
  [EVENTS.mentionCreated]: fromSchema(ZMentionNotice),
  [EVENTS.slaWarned]: fromSchema(ZSlaWarningNotice),
  [EVENTS.labelsChanged]: fromSchema(ZLabelList),
  [EVENTS.contactUpdated]: fromSchema(z.object({ conversationId: z.string(), contactId: z.string() })),
  [EVENTS.presenceChanged]: noPayload,
};

/** Listens to each named event with its payload validated; what does not fit is dropped. Returns what stops it. */
export function listenValidated(browserSocket: TBrowserSocket, handlers: TEventHandlers): () => void {
  const socket = browserSocket as unknown as TUntypedListening;
  const listeners: [string, (payload: unknown) => void][] = [];
  for (const name of Object.keys(handlers) as TEventName[]) {
    const handle = handlers[name] as ((payload: unknown) => void) | undefined;
    if (!handle) continue;
    const parse = PARSERS[name] as (raw: unknown) => unknown;
    const listener = (raw: unknown) => {
      const payload = parse(raw);
      if (payload !== null) handle(payload);
    };
    socket.on(name, listener);
    listeners.push([name, listener]);
  }
  return () => listeners.forEach(([name, listener]) => socket.off(name, listener));
}
