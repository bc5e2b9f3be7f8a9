"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { useSocket } from "@/components/realtime/socket-context";
import {
  TYPING_PING_MS,
  type TConversationPresence,
  type TPresentUser,
} from "@/lib/realtime/conversation-presence-state";
import { EVENTS } from "@/lib/realtime/events";
import { listenValidated } from "@/lib/realtime/listen";

interface TShown {
  viewers: TPresentUser[];
  /** `until`: this tab's clock, when the typing is no longer shown without further word. */
  typing: (TPresentUser & { until: number })[];
}
const NOBODY: TShown = { viewers: [], typing: [] };

/**
 * Who else views this conversation and who else is typing in it (never what), live. The tab
 * tells the server it views it (again after a reconnect, which the server forgot, and after its
 * access changed, which the server checks again) and leaves on unmount; `onTyping` pings at most every TYPING_PING_MS while the agent types.
 */
export function useConversationPresence(conversationId: string) {
  const socket = useSocket();
  const me = useSessionUser();
  const [shown, setShown] = useState<TShown>(NOBODY);
  const lastPing = useRef(0);

  useEffect(() => {
    if (!socket) return;
    const view = () => socket.emit("conversation.view", { conversationId });
    const onPresence = (presence: TConversationPresence) => {
      if (presence.conversationId !== conversationId) return;
      const now = Date.now();
      setShown({
        viewers: presence.viewers.filter((user) => user.id !== me.id),
        typing: presence.typing
          .filter((user) => user.id !== me.id)
          .map(({ id, name, expiresInMs }) => ({ id, name, until: now + expiresInMs })),
      });
    };
    const stop = listenValidated(socket, {
      [EVENTS.conversationPresence]: onPresence,
      // Asked again when this user's access changed: a conversation no longer theirs is left.
      [EVENTS.accessChanged]: view,
    });
    socket.on("connect", view);
    if (socket.connected) view();
    return () => {
      stop();
      socket.off("connect", view);
      socket.emit("conversation.leave", { conversationId });
      setShown(NOBODY);
    };
  }, [socket, conversationId, me.id]);

  // Typing shown ends by itself when its time is up, whether or not the server says so again.
  useEffect(() => {
    if (shown.typing.length === 0) return;
    const soonest = Math.min(...shown.typing.map((user) => user.until));
    const timer = setTimeout(
      () => setShown((current) => ({ ...current, typing: current.typing.filter((u) => u.until > Date.now()) })),
      Math.max(0, soonest - Date.now()) + 50,
    );
    return () => clearTimeout(timer);
  }, [shown.typing]);

  const onTyping = useCallback(() => {
    const now = Date.now();
    if (!socket || now - lastPing.current < TYPING_PING_MS) return;
    lastPing.current = now;
    socket.emit("conversation.typing", { conversationId, typing: true });
  }, [socket, conversationId]);

  const stopTyping = useCallback(() => {
    if (!socket || lastPing.current === 0) return;
    lastPing.current = 0;
    socket.emit("conversation.typing", { conversationId, typing: false });
  }, [socket, conversationId]);

  return { viewers: shown.viewers, typing: shown.typing, onTyping, stopTyping };
}
