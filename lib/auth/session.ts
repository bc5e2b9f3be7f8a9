import type { TAuth } from "./create-auth";
import type { TRole } from "./roles";

export interface TSessionUser {
  id: string;
  email: string;
  name: string;
  role: TRole;
}

/** The signed-in user for these request headers, or null. A deactivated user has none. */
export async function getSessionUser(auth: TAuth, headers: Headers): Promise<TSessionUser | null> {
  return (await getSignedInSession(auth, headers))?.user ?? null;
}

/** The user and the id of their session (sockets remember it, to close when it ends). */
export async function getSignedInSession(
  auth: TAuth,
  headers: Headers,
): Promise<{ user: TSessionUser; sessionId: string } | null> {
  const session = await auth.api.getSession({ headers });
  if (!session || session.user.banned) return null;
  const { id, email, name, role } = session.user;
  return { user: { id, email, name, role: role === "admin" ? "admin" : "agent" }, sessionId: session.session.id };
}
