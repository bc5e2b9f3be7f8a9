import { describe, expect, it } from "vitest";
import { createEventReplay } from "./event-replay";

describe("event replay", () => {
  it("applies a patch at once and again on replay, in order", () => {
    const log: string[] = [];
    const replay = createEventReplay(60_000, () => 0);
    replay.record(() => log.push("a"));
    replay.record(() => log.push("b"));
    replay.replay();
    expect(log).toEqual(["a", "b", "a", "b"]);
  });

  it("forgets patches older than its window", () => {
    let clock = 0;
    const log: string[] = [];
    const replay = createEventReplay(1_000, () => clock);
    replay.record(() => log.push("old"));
    clock = 900;
    replay.record(() => log.push("new"));
    clock = 1_500;
    replay.replay();
    expect(log).toEqual(["old", "new", "new"]);
    expect(replay.size()).toBe(1);
  });

  it("forgets every patch when cleared, so none comes back on the next replay", () => {
    const log: string[] = [];
    const replay = createEventReplay(60_000, () => 0);
    replay.record(() => log.push("removed account"));
    replay.clear();
    replay.record(() => log.push("kept"));
    replay.replay();
    expect(log).toEqual(["removed account", "kept", "kept"]);
    expect(replay.size()).toBe(1);
  });
});
