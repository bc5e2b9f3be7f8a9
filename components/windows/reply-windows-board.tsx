"use client";

import { useQuery } from "@tanstack/react-query";
import { useNow } from "@/components/hooks/use-now";
import { ErrorAlert } from "@/components/ui/error-alert";
import { replyWindowsQuery } from "@/lib/queries/windows";
import { allReplyWindowRows, groupReplyWindows } from "@/lib/windows/group-reply-windows";
import { REPLY_WINDOW_GROUPS } from "@/lib/windows/schemas";
import { actionButton } from "@/components/inbox/actions/styles";
import { LostWindows } from "./lost-windows";
import { useBoardClock } from "./use-board-clock";
import { WindowGroup } from "./window-group";

/**
 * The reply-window board: waiting customers whose window closes soon, regrouped every second
 * as time passes (a 1–4 h row becomes < 1 h, a closed one leaves); what the server answered is
 * fetched again on live events and when the clock alone changes it (use-board-clock.ts).
 */
export function ReplyWindowsBoard() {
  const board = useQuery(replyWindowsQuery);
  const now = useNow(1000);
  useBoardClock(board.data, now);
  if (board.isPending) return <p role="status">Loading reply windows…</p>;
  if (board.isError) {
    return (
      <div className="space-y-2">
        <ErrorAlert error={board.error} />
        <button type="button" className={actionButton} onClick={() => void board.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  const groups = groupReplyWindows(allReplyWindowRows(board.data.groups), now);
  const shown = REPLY_WINDOW_GROUPS.filter((group) => groups[group].length > 0);
  return (
    <div className="space-y-5">
      <LostWindows counts={board.data.lostLastWeek} />
      {shown.length === 0 ? (
        <p className="rounded-md border border-dashed border-neutral-300 p-6 text-center text-neutral-600">
          No customer is waiting on a closing window
        </p>
      ) : (
        shown.map((group) => <WindowGroup key={group} group={group} rows={groups[group]} now={now} />)
      )}
      {board.data.truncated && (
        <p className="text-sm text-neutral-600">Only the soonest are shown: more customers are waiting.</p>
      )}
    </div>
  );
}
