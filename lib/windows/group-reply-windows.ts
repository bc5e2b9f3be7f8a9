import type { TReplyWindowGroup, TReplyWindowGroups, TReplyWindowRow } from "./schemas";

/** The board shows windows that close within this long. */
export const BOARD_HORIZON_MS = 4 * 60 * 60 * 1000;
/** "< 1 h" and "1–4 h" part here. */
export const SOON_MS = 60 * 60 * 1000;

/**
 * Where a row belongs at `now`, and until when its customer can be answered (what the board
 * counts down to); null: no longer on the board (the window, or the tag's zone, closed).
 * A handover comes first: during it the chat is with the Instagram inbox (spec: handover
 * protocol), whatever its window.
 */
export function placeReplyWindow(
  row: Pick<TReplyWindowRow, "closesAt" | "tagClosesAt" | "handoverUntil">,
  now: Date,
): { group: TReplyWindowGroup; until: Date } | null {
  const t = now.getTime();
  const closes = Date.parse(row.closesAt);
  const tagCloses = row.tagClosesAt ? Date.parse(row.tagClosesAt) : null;
  const until = t < closes ? closes : tagCloses !== null && t < tagCloses ? tagCloses : null;
  if (until === null) return null;
  if (row.handoverUntil && t < Date.parse(row.handoverUntil)) return { group: "handedOver", until: new Date(until) };
  if (until !== closes) return { group: "humanAgentTag", until: new Date(until) };
  const left = closes - t;
  if (left < SOON_MS) return { group: "underOneHour", until: new Date(until) };
  return left <= BOARD_HORIZON_MS ? { group: "oneToFourHours", until: new Date(until) } : null;
}

/** Rows into the board's groups at `now`, each soonest closing first; rows no longer on the board are left out. */
export function groupReplyWindows(rows: Iterable<TReplyWindowRow>, now: Date): TReplyWindowGroups {
  const placed: { row: TReplyWindowRow; group: TReplyWindowGroup; until: number }[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.conversationId)) continue;
    seen.add(row.conversationId);
    const place = placeReplyWindow(row, now);
    if (place) placed.push({ row, group: place.group, until: place.until.getTime() });
  }
  placed.sort((a, b) => a.until - b.until || a.row.conversationId.localeCompare(b.row.conversationId));
  const groups: TReplyWindowGroups = { underOneHour: [], oneToFourHours: [], humanAgentTag: [], handedOver: [] };
  for (const { row, group } of placed) groups[group].push(row);
  return groups;
}

/** Every row of the groups, in one list. */
export function allReplyWindowRows(groups: TReplyWindowGroups): TReplyWindowRow[] {
  return [...groups.underOneHour, ...groups.oneToFourHours, ...groups.humanAgentTag, ...groups.handedOver];
}
