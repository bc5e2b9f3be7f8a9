import type { QueryClient } from "@tanstack/react-query";
import type { TMessageView } from "@/lib/messages/schemas";
import type { TEventReplay } from "@/lib/queries/event-replay";
import {
  applyConversationEvent,
  applyLabelsChanged,
  applyMessageEvent,
  markUnread,
  refetchContact,
  refetchCounts,
} from "@/lib/queries/live";
import { postRead } from "@/lib/queries/messages";
import { refreshBoardFor } from "@/lib/queries/windows";
import { EVENTS, type TInboxChange } from "@/lib/realtime/events";
import { listenValidated, type TBrowserSocket } from "@/lib/realtime/listen";

/** Counts of the views are asked again once per burst of events, this long after its last. */
const COUNTS_DEBOUNCE_MS = 250;

interface TInboxEventsOptions {
  client: QueryClient;
  /** Patches kept to be replayed onto data fetched meanwhile (lib/queries/event-replay.ts). */
  recent: TEventReplay;
  userId: string;
  /** Whether this tab shows that conversation right now (its new messages are read, not unread). */
  isShown: (conversationId: string) => boolean;
}

/**
 * The inbox's live events, written into the cache: conversations move in their lists, messages
 * into their threads, a customer's new message counts as unread unless it is in view; labels
 * and contact notes. Returns what stops listening.
 */
export function listenToInboxEvents(socket: TBrowserSocket, { client, recent, userId, isShown }: TInboxEventsOptions) {
  let countsTimer: ReturnType<typeof setTimeout> | undefined;
  let boardTimer: ReturnType<typeof setTimeout> | undefined;
  let boardMoved: TInboxChange["conversations"] = [];
  const refreshCounts = () => {
    clearTimeout(countsTimer);
    countsTimer = setTimeout(() => refetchCounts(client), COUNTS_DEBOUNCE_MS);
  };
  // The reply-window board is asked again (once per burst) when a change may move it.
  const refreshBoard = (conversations: TInboxChange["conversations"]) => {
    boardMoved = [...boardMoved, ...conversations];
    clearTimeout(boardTimer);
    boardTimer = setTimeout(() => {
      refreshBoardFor(client, boardMoved, new Date());
      boardMoved = [];
    }, COUNTS_DEBOUNCE_MS);
  };
  const applyCreated = (message: TMessageView) => {
    recent.record(() => applyMessageEvent(client, message));
    refetchContact(client, message.conversationId);
    if (message.direction !== "INBOUND") return;
    if (isShown(message.conversationId)) void postRead(message.conversationId).catch(() => {});
    else markUnread(client, message.conversationId);
  };
  const onInboxChanged = (change: TInboxChange) => {
    for (const conversation of change.conversations) {
      recent.record(() => applyConversationEvent(client, conversation, { userId, now: new Date() }));
    }
    if (change.conversations.length > 0) {
      refreshCounts();
      refreshBoard(change.conversations);
    }
    change.created.forEach(applyCreated);
    for (const message of change.updated) recent.record(() => applyMessageEvent(client, message));
  };
  const stop = listenValidated(socket, {
    [EVENTS.inboxChanged]: onInboxChanged,
    [EVENTS.labelsChanged]: ({ labels }) => applyLabelsChanged(client, labels),
    [EVENTS.contactUpdated]: ({ conversationId }) => refetchContact(client, conversationId),
  });
  return () => {
    clearTimeout(countsTimer);
    clearTimeout(boardTimer);
    stop();
  };
}
