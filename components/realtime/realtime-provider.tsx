"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { io, type Socket } from "socket.io-client";
import { leaveTo } from "@/lib/browser/leave-to";
import { ZMessageView, type TMessageView } from "@/lib/messages/schemas";
import { ZConversationSummary, type TConversationSummary } from "@/lib/conversations/summary";
import {
  bumpUnread,
  conversationKeys,
  detailFromEvent,
  upsertConversation,
  type TConversationPages,
} from "@/lib/queries/conversations";
import {
  conversationDetailKey,
  messageKeys,
  postRead,
  upsertMessage,
  type TMessagePages,
} from "@/lib/queries/messages";
import { createEventReplay } from "@/lib/queries/event-replay";
import { EVENTS, UNAUTHORIZED, type TClientToServerEvents, type TServerToClientEvents } from "@/lib/realtime/events";
import { useSessionUser } from "@/components/auth/session-context";
import { compareForSort, matchesFilters } from "@/lib/conversations/list-membership";
import { ZListFilters } from "@/lib/conversations/schemas";
import { OpenConversationProvider, useOpenConversationRef } from "./open-conversation";
import { SocketContext, type TAppSocket } from "./socket-context";
import { contactKeys } from "@/lib/queries/contact";
import { labelKeys } from "@/lib/queries/labels";
import { listenToLabelAndContactEvents } from "./label-contact-events";

/** `degraded`: connected, but the server cannot reach its database (it says so, and we wait). */
export type TConnectionState = "connecting" | "live" | "offline" | "degraded";

const ConnectionContext = createContext<TConnectionState>("connecting");

export function useConnectionState(): TConnectionState {
  return useContext(ConnectionContext);
}

// How long a received event is kept to be replayed onto data fetched meanwhile.
const REPLAY_WINDOW_MS = 60_000;

export function RealtimeProvider({ children }: { children: ReactNode }) {
  return (
    <OpenConversationProvider>
      <RealtimeConnection>{children}</RealtimeConnection>
    </OpenConversationProvider>
  );
}

function RealtimeConnection({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const openConversation = useOpenConversationRef();
  const [state, setState] = useState<TConnectionState>("connecting");
  const [connected, setConnected] = useState<TAppSocket | null>(null);
  const user = useSessionUser();

  useEffect(() => {
    const socket: Socket<TServerToClientEvents, TClientToServerEvents> = io({ transports: ["websocket", "polling"] });
    const recent = createEventReplay(REPLAY_WINDOW_MS);
    let connectedBefore = false;

    // Counts of the views (Mine, Unassigned, All) are asked again, once per burst of events.
    let countsTimer: ReturnType<typeof setTimeout> | undefined;
    const refreshCounts = () => {
      clearTimeout(countsTimer);
      countsTimer = setTimeout(
        () => void queryClient.invalidateQueries({ queryKey: [...conversationKeys.all, "counts"] }),
        250,
      );
    };
    const applyConversation = (conversation: TConversationSummary) => {
      // Each list held moves it in, along or out, by its own filters and order.
      const now = new Date();
      for (const query of queryClient.getQueryCache().findAll({ queryKey: conversationKeys.lists() })) {
        const filters = ZListFilters.safeParse(query.queryKey[2]);
        if (!filters.success) continue;
        queryClient.setQueryData<TConversationPages>(query.queryKey, (data) =>
          upsertConversation(data, conversation, {
            belongs: matchesFilters(conversation, filters.data, { userId: user.id, now }),
            compare: compareForSort(filters.data.sort),
          }),
        );
      }
      // The open conversation's header (reply window, handover) follows the same events.
      queryClient.setQueryData<TConversationSummary>(conversationDetailKey(conversation.id), (current) =>
        detailFromEvent(current, conversation),
      );
    };
    const applyMessage = (message: TMessageView) =>
      queryClient.setQueryData<TMessagePages>(messageKeys.thread(message.conversationId), (data) =>
        upsertMessage(data, message),
      );
    const remember = (apply: () => void) => recent.record(apply);
    /** Everything live events keep up to date, fetched again (events may have been missed). */
    const catchUp = () => {
      for (const queryKey of [conversationKeys.all, messageKeys.all, contactKeys.all, labelKeys.all])
        void queryClient.invalidateQueries({ queryKey });
    };

    const applyCreated = (message: TMessageView) => {
      remember(() => applyMessage(message));
      // The contact panel's counts and last contact move with every message.
      void queryClient.invalidateQueries({ queryKey: contactKeys.ofConversation(message.conversationId) });
      if (message.direction !== "INBOUND") return;
      // A customer message is unread unless this tab shows its conversation right now.
      if (openConversation.current === message.conversationId && document.visibilityState === "visible") {
        void postRead(message.conversationId).catch(() => {});
      } else {
        queryClient.setQueriesData<TConversationPages>({ queryKey: conversationKeys.lists() }, (data) =>
          bumpUnread(data, message.conversationId),
        );
      }
    };
    // Types are not validation: every item is checked before it touches the cache.
    socket.on(EVENTS.inboxChanged, (change) => {
      for (const item of change.conversations ?? []) {
        const parsed = ZConversationSummary.safeParse(item);
        if (parsed.success) remember(() => applyConversation(parsed.data));
      }
      if (change.conversations?.length) refreshCounts();
      for (const item of change.created ?? []) {
        const parsed = ZMessageView.safeParse(item);
        if (parsed.success) applyCreated(parsed.data);
      }
      for (const item of change.updated ?? []) {
        const parsed = ZMessageView.safeParse(item);
        if (parsed.success) remember(() => applyMessage(parsed.data));
      }
    });

    // Every freshly fetched list, conversation or thread gets the recent events again
    // (lib/queries/event-replay.ts): only what events patch, never counts or account lists,
    // whose own refetch must not replay (and so refetch) again.
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "success" || event.action.manual) return;
      const [root, kind] = event.query.queryKey;
      const patched =
        root === messageKeys.all[0] ||
        (root === conversationKeys.all[0] &&
          (kind === conversationKeys.lists()[1] || kind === conversationKeys.details()[1]));
      if (patched) recent.replay();
    });

    socket.on("connect", () => {
      setState("live");
      setConnected(socket);
      // After a reconnect we may have missed events: catch up from the server.
      if (connectedBefore && !socket.recovered) catchUp();
      connectedBefore = true;
    });
    socket.on("disconnect", (reason) => {
      setState("offline");
      // Only a server that ended our session closes the socket itself (see lib/realtime/presence.ts).
      if (reason === "io server disconnect") leaveTo("/sign-in?reason=revoked");
    });
    // The instance is stopping (a deploy): reconnect at a random moment within its window; the
    // proxy sends us to another instance, and the reconnect catches up (above).
    let moveTimer: ReturnType<typeof setTimeout> | undefined;
    socket.on(EVENTS.serverStopping, ({ reconnectWithinMs }) => {
      clearTimeout(moveTimer);
      const within = Math.min(Math.max(Number(reconnectWithinMs) || 0, 0), 10_000);
      moveTimer = setTimeout(() => socket.disconnect().connect(), Math.random() * within);
    });
    socket.on(EVENTS.serverStatus, ({ database }) => {
      if (database === "unavailable") return setState("degraded");
      setState("live");
      // Whatever happened while the database was away reaches us now.
      catchUp();
    });
    // An admin changed what this user may see (membership, role); the server moved the socket
    // already. Kept events may belong to an account no longer ours: drop them, then refetch, so
    // a removed account's conversations disappear and an added one's appear. The refresh
    // redraws what the server rendered for the role (the header's Admin link).
    socket.on(EVENTS.accessChanged, () => {
      recent.clear();
      catchUp();
      router.refresh();
    });
    const stopLabelAndContactEvents = listenToLabelAndContactEvents(socket, queryClient);
    // The server ended this user's sessions (deactivated, password reset): leave at once.
    socket.on(EVENTS.sessionRevoked, () => leaveTo("/sign-in?reason=revoked"));
    socket.on("connect_error", (error) => {
      if (error.message === UNAUTHORIZED) leaveTo("/sign-in?reason=expired");
      else setState("offline");
    });

    return () => {
      clearTimeout(countsTimer);
      clearTimeout(moveTimer);
      stopLabelAndContactEvents();
      unsubscribe();
      socket.disconnect();
    };
  }, [queryClient, openConversation, router, user.id]);

  return (
    <ConnectionContext.Provider value={state}>
      <SocketContext value={connected}>{children}</SocketContext>
    </ConnectionContext.Provider>
  );
}
