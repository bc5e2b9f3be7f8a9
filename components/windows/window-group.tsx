import { placeReplyWindow } from "@/lib/windows/group-reply-windows";
import type { TReplyWindowGroup, TReplyWindowRow } from "@/lib/windows/schemas";
import { REPLY_WINDOW_GROUP_TITLES } from "@/lib/windows/schemas";
import { WindowRow } from "./window-row";

/** One group of the board under its heading, soonest closing first. */
export function WindowGroup({ group, rows, now }: { group: TReplyWindowGroup; rows: TReplyWindowRow[]; now: Date }) {
  const titleId = `window-group-${group}`;
  return (
    <section aria-labelledby={titleId} className="space-y-2">
      <h2 id={titleId} className="text-sm font-semibold text-neutral-800">
        {REPLY_WINDOW_GROUP_TITLES[group]} <span className="font-normal text-neutral-600">({rows.length})</span>
      </h2>
      <ul className="space-y-2">
        {rows.map((row) => {
          const place = placeReplyWindow(row, now);
          return place ? <WindowRow key={row.conversationId} row={row} until={place.until} now={now} /> : null;
        })}
      </ul>
    </section>
  );
}
