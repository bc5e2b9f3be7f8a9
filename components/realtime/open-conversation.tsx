"use client";

import { createContext, useContext, useEffect, useRef, type MutableRefObject, type ReactNode } from "react";

// Which conversation this tab shows right now. The realtime layer reads it to decide whether
// a new customer message is unread here, or already seen (and to be marked read).
const OpenConversationContext = createContext<MutableRefObject<string | null> | null>(null);

export function OpenConversationProvider({ children }: { children: ReactNode }) {
  const ref = useRef<string | null>(null);
  return <OpenConversationContext.Provider value={ref}>{children}</OpenConversationContext.Provider>;
}

export function useOpenConversationRef(): MutableRefObject<string | null> {
  const ref = useContext(OpenConversationContext);
  if (!ref) throw new Error("useOpenConversationRef outside OpenConversationProvider");
  return ref;
}

/** Declares the conversation this component shows as the open one while it is mounted. */
export function useMarkOpen(conversationId: string): void {
  const ref = useOpenConversationRef();
  useEffect(() => {
    ref.current = conversationId;
    return () => {
      if (ref.current === conversationId) ref.current = null;
    };
  }, [ref, conversationId]);
}
