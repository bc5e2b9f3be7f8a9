import { describe, expect, it } from "vitest";
import { groupReplyWindows, placeReplyWindow } from "./group-reply-windows";
import type { TReplyWindowRow } from "./schemas";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const inMinutes = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();

function row(id: string, over: Partial<TReplyWindowRow> = {}): TReplyWindowRow {
  return {
    conversationId: id,
    accountId: "acc",
    accountName: "Shop",
    customer: { igsid: id, name: null, username: null },
    owner: null,
    closesAt: inMinutes(90),
    tagClosesAt: null,
    handoverUntil: null,
    waitingSince: inMinutes(-23 * 60),
    lastMessage: "hi",
    ...over,
  };
}

describe("placeReplyWindow", () => {
  it("parts the window's last 4 hours at one hour", () => {
    expect(placeReplyWindow(row("a", { closesAt: inMinutes(59) }), NOW)?.group).toBe("underOneHour");
    expect(placeReplyWindow(row("a", { closesAt: inMinutes(60) }), NOW)?.group).toBe("oneToFourHours");
    expect(placeReplyWindow(row("a", { closesAt: inMinutes(240) }), NOW)?.group).toBe("oneToFourHours");
    expect(placeReplyWindow(row("a", { closesAt: inMinutes(241) }), NOW)).toBeNull();
  });

  it("moves a closed window to the tag's zone when the account uses the tag, and off the board otherwise", () => {
    expect(placeReplyWindow(row("a", { closesAt: inMinutes(0) }), NOW)).toBeNull();
    const tagged = placeReplyWindow(row("a", { closesAt: inMinutes(-1), tagClosesAt: inMinutes(600) }), NOW);
    expect(tagged).toEqual({ group: "humanAgentTag", until: new Date(inMinutes(600)) });
    expect(placeReplyWindow(row("a", { closesAt: inMinutes(-700), tagClosesAt: inMinutes(0) }), NOW)).toBeNull();
  });

  it("puts a handed-over conversation apart while the handover lasts", () => {
    const handedOver = row("a", { closesAt: inMinutes(30), handoverUntil: inMinutes(30) });
    expect(placeReplyWindow(handedOver, NOW)?.group).toBe("handedOver");
    expect(placeReplyWindow(handedOver, new Date(inMinutes(30)))).toBeNull();
    expect(placeReplyWindow(row("a", { closesAt: inMinutes(30), handoverUntil: inMinutes(-1) }), NOW)?.group).toBe(
      "underOneHour",
    );
  });
});

describe("groupReplyWindows", () => {
  it("sorts each group soonest first and counts each conversation once", () => {
    const rows = [row("late", { closesAt: inMinutes(200) }), row("soon", { closesAt: inMinutes(70) })];
    const groups = groupReplyWindows([...rows, row("soon", { closesAt: inMinutes(5) })], NOW);
    expect(groups.oneToFourHours.map((r) => r.conversationId)).toEqual(["soon", "late"]);
    expect(groups.underOneHour).toEqual([]);
  });

  it("regroups as the clock moves on: the 1–4 h row becomes < 1 h, then leaves", () => {
    const rows = [row("a", { closesAt: inMinutes(70) })];
    expect(groupReplyWindows(rows, new Date(inMinutes(11))).underOneHour).toHaveLength(1);
    const later = groupReplyWindows(rows, new Date(inMinutes(70)));
    expect(Object.values(later).flat()).toEqual([]);
  });
});
