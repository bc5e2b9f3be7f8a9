import { describe, expect, it } from "vitest";
import { durationText, lastRunText, previewText } from "./describe";

const day = (iso: string) => iso.slice(0, 10);

describe("retention in words", () => {
  it("says what a preview would delete, and when the numbers are a lower bound", () => {
    const preview = { months: 6, cutoff: "2026-06-07T12:00:00.000Z", conversations: 2, messages: 7, uploads: 1 };
    expect(previewText({ ...preview, capped: false }, day)).toBe(
      "2 conversations, 7 messages and 1 uploaded image would be deleted now: conversations whose last message is before 2026-06-07.",
    );
    expect(previewText({ ...preview, conversations: 1, messages: 1, uploads: 0, capped: true }, day)).toBe(
      "More than 1 conversation, 1 message and 0 uploaded images would be deleted now: conversations whose last message is before 2026-06-07.",
    );
  });

  it("gives the last run's figures, its time and how long it took", () => {
    const run = {
      months: 6,
      cutoff: "2026-06-07T12:00:00.000Z",
      startedAt: "2026-12-07T12:00:00.000Z",
      conversations: 1200,
      messages: 30000,
      uploads: 12,
    };
    expect(lastRunText(null, day)).toBe("No run yet.");
    expect(lastRunText({ ...run, finishedAt: null, durationMs: null }, day)).toBe(
      "Running since 2026-12-07: 1,200 conversations, 30,000 messages and 12 uploaded images deleted so far.",
    );
    expect(lastRunText({ ...run, finishedAt: "2026-12-07T12:03:05.000Z", durationMs: 185_000 }, day)).toBe(
      "Last run 2026-12-07, took 3 min 5 s: 1,200 conversations, 30,000 messages and 12 uploaded images deleted.",
    );
    expect(durationText(420)).toBe("0.4 s");
    expect(durationText(12_400)).toBe("12 s");
  });
});
