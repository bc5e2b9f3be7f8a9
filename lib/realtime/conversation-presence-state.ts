import { z } from "zod";

// Who is looking at a conversation and who is writing in it, shared by the server (which keeps
// it on each socket) and the browser (which shows it). Never the text being written.

/**
 * A typing ping holds for this long. The browser pings at most every TYPING_PING_MS while the
 * agent types, so a closed tab or a crashed browser stops "typing" by itself within seconds.
 */
export const TYPING_TTL_MS = 6_000;
export const TYPING_PING_MS = 2_000;

const ZConversationId = z.string().min(1).max(100);

/** Browser → server: this socket now shows that conversation (and no other). */
export const ZConversationView = z.object({ conversationId: ZConversationId });
export type TConversationView = z.infer<typeof ZConversationView>;

/** Browser → server: the agent typed (`typing: true`) or sent / emptied the draft (`false`). */
export const ZConversationTyping = z.object({ conversationId: ZConversationId, typing: z.boolean() });
export type TConversationTyping = z.infer<typeof ZConversationTyping>;

const ZPresentUser = z.object({ id: z.string(), name: z.string() });
export type TPresentUser = z.infer<typeof ZPresentUser>;

/** Server → browsers viewing it: everyone there (one entry per user, whatever their tabs). */
export const ZConversationPresence = z.object({
  conversationId: z.string(),
  viewers: z.array(ZPresentUser),
  /** `expiresInMs`: the browser stops showing it then, even if no later word comes. */
  typing: z.array(ZPresentUser.extend({ expiresInMs: z.number() })),
});
export type TConversationPresence = z.infer<typeof ZConversationPresence>;

/** What one socket is doing, kept in its data (so other instances read it through the adapter). */
export interface TSocketPresence {
  conversationId: string;
  /** Epoch ms its last typing ping holds until; 0 when not typing. */
  typingUntil: number;
}

/**
 * The presence of one conversation from its sockets: users deduplicated (two tabs are one
 * viewer; typing in either is typing), typing only while a ping still holds.
 */
export function summarizePresence(
  conversationId: string,
  sockets: { user: TPresentUser; presence: TSocketPresence | undefined }[],
  now: number,
): TConversationPresence {
  const viewers = new Map<string, TPresentUser>();
  const typing = new Map<string, { id: string; name: string; expiresInMs: number }>();
  for (const { user, presence } of sockets) {
    if (presence?.conversationId !== conversationId) continue;
    viewers.set(user.id, { id: user.id, name: user.name });
    const expiresInMs = presence.typingUntil - now;
    if (expiresInMs > 0 && expiresInMs > (typing.get(user.id)?.expiresInMs ?? 0)) {
      typing.set(user.id, { id: user.id, name: user.name, expiresInMs });
    }
  }
  const byName = (a: TPresentUser, b: TPresentUser) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  return { conversationId, viewers: [...viewers.values()].sort(byName), typing: [...typing.values()].sort(byName) };
}

/** "Sam", "Sam and Ada", "Sam, Ada and Kim". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
