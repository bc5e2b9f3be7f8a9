import type { TMessageView } from "./schemas";

// A thread's order, the same in the browser as in the API: by seq, when this inbox stored each
// message (see Message.seq in prisma/schema.prisma). Never by sentAt: a customer's message
// carries CM's whole-second time, which would put their answer above the agent's question of
// the same second.

/** An optimistic bubble is not stored yet: it goes after everything stored, as it will. */
export const UNSTORED_SEQ = Number.MAX_SAFE_INTEGER;

/** Oldest first. Bubbles not stored yet follow each other in the order they were written. */
export function compareThreadOrder(a: TMessageView, b: TMessageView): number {
  if (a.seq !== b.seq) return a.seq - b.seq;
  if (a.sentAt !== b.sentAt) return a.sentAt < b.sentAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
