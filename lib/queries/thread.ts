import type { TMessagePage, TMessageView } from "../messages/schemas";
import { compareThreadOrder } from "../messages/thread-order";
import type { TMessagePages, TThreadPageParam } from "./messages";

// A thread opened at a message (a search result) starts with the page around it and grows
// both ways: older pages at the end of `pages` (scrolling up), newer ones at the start
// (scrolling down, TanStack's "previous" pages). Pure helpers for that shape, beside the keys.

export function olderPageParam(last: TMessagePage): TThreadPageParam | undefined {
  return last.nextCursor ?? undefined;
}

export function newerPageParam(first: TMessagePage): TThreadPageParam | undefined {
  return first.newerCursor ? { after: first.newerCursor } : undefined;
}

/**
 * The thread's messages oldest first, each once. While the newest page is not loaded, a live
 * message is still put into the first page (so an agent's own reply shows at once); the newer
 * page fetched later holds it again, and the thread's order (seq) puts it back in its place.
 */
export function threadMessages(data: TMessagePages): TMessageView[] {
  const byKey = new Map<string, TMessageView>();
  for (const message of data.pages.flatMap((page) => page.messages)) {
    const key = message.clientId ?? message.id;
    if (!byKey.has(key)) byKey.set(key, message);
  }
  return [...byKey.values()].sort(compareThreadOrder);
}

export function holdsMessage(data: TMessagePages, messageId: string): boolean {
  return data.pages.some((page) => page.messages.some((m) => m.id === messageId));
}

/** Whether this thread was loaded starting around that message. */
export function startedAround(data: TMessagePages, messageId: string): boolean {
  return data.pageParams.some(
    (param) => typeof param === "object" && param !== null && "around" in param && param.around === messageId,
  );
}

/** Whether the newest messages are not loaded (the thread was opened further back). */
export function stopsShortOfNewest(data: TMessagePages): boolean {
  return Boolean(data.pages[0]?.newerCursor);
}
