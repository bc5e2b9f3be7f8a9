import { isAdmin } from "../auth/roles";

// Saved replies are shared by the whole team: everyone uses them, but only the agent who wrote
// one, or an admin, may change or delete it. A reply whose author was removed is the admins'.

export function canEditSavedReply(user: { id: string; role: string }, reply: { authorId: string | null }): boolean {
  return isAdmin(user.role) || (reply.authorId !== null && reply.authorId === user.id);
}
