"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { findCollisions, newestSeq } from "@/lib/messages/collision";
import type { TMessageView } from "@/lib/messages/schemas";
import { CollisionDialog } from "./collision-dialog";
import { ConversationViewers } from "./conversation-viewers";
import { useConversationPresence } from "./use-conversation-presence";

/**
 * What the composer of a conversation needs to work beside other agents: `onTyping` for every
 * keystroke (tells the others "typing…", and marks where this draft started), `confirmSend`
 * before a send (true at once, or after the agent saw what someone else sent meanwhile and chose
 * to send anyway), and the two things to render: the header's line and the question's dialog.
 */
export function useTeamComposer(conversationId: string, messages: TMessageView[]) {
  const me = useSessionUser();
  const presence = useConversationPresence(conversationId);
  const { stopTyping, onTyping: pingTyping } = presence;
  // The thread's newest message when this draft's first key was typed; null: no draft yet.
  const startedAt = useRef<number | null>(null);
  const thread = useRef(messages);
  useEffect(() => {
    thread.current = messages;
  }, [messages]);
  const [question, setQuestion] = useState<{ collisions: TMessageView[]; answer: (send: boolean) => void } | null>(
    null,
  );

  const onTyping = useCallback(() => {
    startedAt.current ??= newestSeq(thread.current);
    pingTyping();
  }, [pingTyping]);

  const confirmSend = useCallback((): Promise<boolean> => {
    const since = startedAt.current;
    const collisions = since === null ? [] : findCollisions(thread.current, { since, me: me.id });
    const sent = () => {
      startedAt.current = null;
      stopTyping();
      return true;
    };
    if (collisions.length === 0) return Promise.resolve(sent());
    return new Promise<boolean>((resolve) =>
      setQuestion({
        collisions,
        answer: (send) => {
          setQuestion(null);
          if (send) return resolve(sent());
          // Kept: the draft, now written knowing what was sent; only newer messages ask again.
          startedAt.current = newestSeq(thread.current);
          resolve(false);
        },
      }),
    );
  }, [me.id, stopTyping]);

  const viewers: ReactNode = <ConversationViewers viewers={presence.viewers} typing={presence.typing} />;
  const dialog: ReactNode = question && (
    <CollisionDialog
      messages={question.collisions}
      onSend={() => question.answer(true)}
      onCancel={() => question.answer(false)}
    />
  );
  return { onTyping, confirmSend, viewers, dialog };
}
