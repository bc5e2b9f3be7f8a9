"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { TSessionUser } from "@/lib/auth/session";

// The signed-in user, as the server's layout resolved it. Only name, email and role:
// the session token stays in its httpOnly cookie.
const SessionContext = createContext<TSessionUser | null>(null);

export function SessionProvider({ user, children }: { user: TSessionUser; children: ReactNode }) {
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

export function useSessionUser(): TSessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useSessionUser outside a signed-in page");
  return user;
}
