import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { conversationSummary } from "../testing/views";
import type { TReplyWindows } from "../windows/schemas";
import { refreshBoardFor, touchesBoard, windowKeys } from "./windows";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000).toISOString();

const board = (conversationId: string): TReplyWindows => ({
  now: NOW.toISOString(),
  groups: {
    underOneHour: [
      {
        conversationId,
        accountId: "acc",
        accountName: "Shop",
        customer: { igsid: "1", name: "Ann", username: null },
        owner: null,
        closesAt: hoursAgo(-0.5),
        tagClosesAt: null,
        handoverUntil: null,
        waitingSince: hoursAgo(23.5),
        lastMessage: "hi",
      },
    ],
    oneToFourHours: [],
    humanAgentTag: [],
    handedOver: [],
  },
  truncated: false,
  refreshAt: null,
  lostLastWeek: [],
});

describe("touchesBoard", () => {
  it("is true for a row on the board, whatever changed, and for a customer who wrote 20 hours to 7 days ago", () => {
    const answered = conversationSummary("on-board", 0, { waitingSince: null, lastInboundAt: hoursAgo(23.5) });
    expect(touchesBoard(board("on-board"), answered, NOW)).toBe(true);
    const waiting = conversationSummary("new", 0, { waitingSince: hoursAgo(21), lastInboundAt: hoursAgo(21) });
    expect(touchesBoard(board("on-board"), waiting, NOW)).toBe(true);
  });

  it("is false for a conversation nobody waits on, a customer who just wrote, or one waiting past the tag's 7 days", () => {
    const fresh = conversationSummary("fresh", 0, { waitingSince: hoursAgo(0), lastInboundAt: hoursAgo(0) });
    expect(touchesBoard(board("on-board"), fresh, NOW)).toBe(false);
    const answered = conversationSummary("other", 0, { waitingSince: null, lastInboundAt: hoursAgo(1) });
    expect(touchesBoard(board("on-board"), answered, NOW)).toBe(false);
    const old = conversationSummary("old", 0, { waitingSince: hoursAgo(200), lastInboundAt: hoursAgo(200) });
    expect(touchesBoard(undefined, old, NOW)).toBe(false);
  });
});

describe("refreshBoardFor", () => {
  it("marks the board stale only when a change may move it", () => {
    const client = new QueryClient();
    client.setQueryData(windowKeys.board(), board("on-board"));
    refreshBoardFor(client, [conversationSummary("other", 0, { waitingSince: null })], NOW);
    expect(client.getQueryState(windowKeys.board())?.isInvalidated).toBe(false);
    refreshBoardFor(client, [conversationSummary("on-board", 0, { waitingSince: null })], NOW);
    expect(client.getQueryState(windowKeys.board())?.isInvalidated).toBe(true);
  });
});
