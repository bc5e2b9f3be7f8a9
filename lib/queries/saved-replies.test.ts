import { describe, expect, it } from "vitest";
import type { TSavedReplyView } from "../saved-replies/schemas";
import { removeSavedReply, upsertSavedReply } from "./saved-replies";

const reply = (id: string, code: string): TSavedReplyView => ({
  id,
  code,
  title: code,
  content: { kind: "text", text: code },
  authorId: null,
  authorName: null,
  createdAt: "2026-12-04T00:00:00.000Z",
  updatedAt: "2026-12-04T00:00:00.000Z",
});

describe("saved reply cache updaters", () => {
  it("puts a new or renamed reply where the server's order by code would", () => {
    const rows = [reply("1", "bye"), reply("2", "thanks")];
    expect(upsertSavedReply(rows, reply("3", "hours"))?.map((r) => r.code)).toEqual(["bye", "hours", "thanks"]);
    expect(upsertSavedReply(rows, reply("1", "zzz"))?.map((r) => r.id)).toEqual(["2", "1"]);
  });

  it("leaves an unloaded list unloaded, and removes by id", () => {
    expect(upsertSavedReply(undefined, reply("1", "a"))).toBeUndefined();
    expect(removeSavedReply([reply("1", "a"), reply("2", "b")], "1")?.map((r) => r.id)).toEqual(["2"]);
  });
});
