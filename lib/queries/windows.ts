import { queryOptions, type QueryClient } from "@tanstack/react-query";
import type { TConversationSummary } from "../conversations/summary";
import { fetchJson } from "../http/fetch-json";
import { HUMAN_AGENT_TAG_MS } from "../channel/rules";
import { MESSAGING_WINDOW_MS } from "../channel/rules";
import { BOARD_HORIZON_MS, allReplyWindowRows } from "../windows/group-reply-windows";
import { ZReplyWindows, type TReplyWindows } from "../windows/schemas";

export const windowKeys = {
  all: ["windows"] as const,
  board: () => [...windowKeys.all, "board"] as const,
};

/** The reply-window board; live events (and the clock) make it fetch again. */
export const replyWindowsQuery = queryOptions({
  queryKey: windowKeys.board(),
  queryFn: () => fetchJson("/api/windows", ZReplyWindows),
});

/**
 * Whether a conversation's change may move the board: it is on it (answered, assigned,
 * handed over, or the customer wrote again), or its customer waits and wrote between 20 hours
 * and 7 days ago (a late webhook; whether the account uses the tag, the server knows). A
 * customer who just wrote is 20 hours away from the board: the clock brings them (refreshAt).
 */
export function touchesBoard(board: TReplyWindows | undefined, conversation: TConversationSummary, now: Date): boolean {
  if (board && allReplyWindowRows(board.groups).some((row) => row.conversationId === conversation.id)) return true;
  if (!conversation.waitingSince || !conversation.lastInboundAt) return false;
  const age = now.getTime() - Date.parse(conversation.lastInboundAt);
  return age >= MESSAGING_WINDOW_MS - BOARD_HORIZON_MS && age < HUMAN_AGENT_TAG_MS;
}

/** The board is fetched again when any of these conversations may move it. */
export function refreshBoardFor(client: QueryClient, conversations: TConversationSummary[], now: Date): void {
  const board = client.getQueryData<TReplyWindows>(windowKeys.board());
  if (conversations.some((conversation) => touchesBoard(board, conversation, now))) {
    void client.invalidateQueries({ queryKey: windowKeys.board() });
  }
}
