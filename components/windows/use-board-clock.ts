"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { windowKeys } from "@/lib/queries/windows";
import { allReplyWindowRows, placeReplyWindow } from "@/lib/windows/group-reply-windows";
import type { TReplyWindows } from "@/lib/windows/schemas";

/**
 * The board changes by the clock alone when a window closes (its lost count moves, or it
 * goes on in the tag's zone) or a waiting customer's window enters the last 4 hours
 * (`refreshAt`): at that moment, and only then, the board is fetched again. Messages and
 * replies move it through live events instead (components/realtime/inbox-events.ts).
 */
export function useBoardClock(board: TReplyWindows | undefined, now: Date): void {
  const client = useQueryClient();
  const nextChange = useMemo(() => {
    if (!board) return null;
    const at = new Date(board.now);
    const times = allReplyWindowRows(board.groups).flatMap((row) => {
      const place = placeReplyWindow(row, at);
      return place ? [place.until.getTime()] : [];
    });
    if (board.refreshAt) times.push(Date.parse(board.refreshAt));
    return times.length ? Math.min(...times) : null;
  }, [board]);
  const fired = useRef<number | null>(null);
  useEffect(() => {
    if (nextChange === null || now.getTime() < nextChange || fired.current === nextChange) return;
    fired.current = nextChange;
    void client.invalidateQueries({ queryKey: windowKeys.board() });
  }, [client, nextChange, now]);
}
