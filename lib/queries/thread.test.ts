import { describe, expect, it } from "vitest";
import { messageView } from "../testing/views";
import { upsertMessage, type TMessagePages } from "./messages";
import {
  holdsMessage,
  newerPageParam,
  olderPageParam,
  startedAround,
  stopsShortOfNewest,
  threadMessages,
} from "./thread";

const msg = messageView;

// Opened around "m20": the page holds m19..m21 (newest first), newer and older pages follow.
const around: TMessagePages = {
  pages: [{ messages: [msg("m21", 21), msg("m20", 20), msg("m19", 19)], nextCursor: "older", newerCursor: "newer" }],
  pageParams: [{ around: "m20" }],
};

describe("a thread opened at a message", () => {
  it("asks for older pages by cursor and newer pages after the first page's newest", () => {
    expect(olderPageParam(around.pages[0]!)).toBe("older");
    expect(newerPageParam(around.pages[0]!)).toEqual({ after: "newer" });
    expect(newerPageParam({ messages: [], nextCursor: null })).toBeUndefined();
    expect(olderPageParam({ messages: [], nextCursor: null })).toBeUndefined();
  });

  it("knows where it started and that the newest messages are not loaded", () => {
    expect(startedAround(around, "m20")).toBe(true);
    expect(startedAround(around, "m19")).toBe(false);
    expect(holdsMessage(around, "m19")).toBe(true);
    expect(holdsMessage(around, "m5")).toBe(false);
    expect(stopsShortOfNewest(around)).toBe(true);
    expect(stopsShortOfNewest({ pages: [{ messages: [], nextCursor: null }], pageParams: [null] })).toBe(false);
  });

  it("lists a live message once and in time order after the newer page brings it again", () => {
    const live = msg("m40", 40);
    const patched = upsertMessage(around, live);
    expect(threadMessages(patched!).map((m) => m.id)).toEqual(["m19", "m20", "m21", "m40"]);
    // The newer page, fetched later, holds m22 and the same live message.
    const withNewer: TMessagePages = {
      pages: [{ messages: [live, msg("m22", 22)], nextCursor: "x", newerCursor: null }, ...patched!.pages],
      pageParams: [{ after: "newer" }, ...patched!.pageParams],
    };
    expect(threadMessages(withNewer).map((m) => m.id)).toEqual(["m19", "m20", "m21", "m22", "m40"]);
  });
});
