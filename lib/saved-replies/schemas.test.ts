import { describe, expect, it } from "vitest";
import { ZCreateSavedReply, ZUpdateSavedReply, filterSavedReplies } from "./schemas";
import { canEditSavedReply } from "./permissions";

const content = { kind: "text", text: "Thanks {{customer.name}}!" };

describe("ZCreateSavedReply", () => {
  it("takes a code of lowercase letters, digits, - and _, trimmed and lowercased", () => {
    expect(ZCreateSavedReply.parse({ code: " Thanks_2-u ", title: "Thanks", content }).code).toBe("thanks_2-u");
  });

  it("refuses codes with spaces or other signs, empty, or over 32 characters, with the reason", () => {
    for (const code of ["two words", "merci!", "", "x".repeat(33)]) {
      const result = ZCreateSavedReply.safeParse({ code, title: "T", content });
      expect(result.error?.issues[0]?.path, code).toEqual(["code"]);
    }
  });

  it("refuses a blank title or one over 80 characters", () => {
    expect(ZCreateSavedReply.safeParse({ code: "a", title: "  ", content }).success).toBe(false);
    expect(ZCreateSavedReply.safeParse({ code: "a", title: "t".repeat(81), content }).success).toBe(false);
  });

  it("refuses unknown placeholders where they would be filled, naming the field", () => {
    const result = ZCreateSavedReply.safeParse({
      code: "a",
      title: "T",
      content: { kind: "card", card: { header: "Hi", text: "Your {{customer.email}}" } },
    });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["content", "card", "text"],
      message: expect.stringMatching(/Unknown placeholder \{\{customer\.email\}\}/),
    });
  });

  it("counts a placeholder as typed against Instagram's limits", () => {
    // "Hi {{customer.name}}" is 20 characters: the most a label may have.
    const reply = (label: string) => ({
      code: "a",
      title: "T",
      content: { kind: "text", text: "Pick", quickReplies: [{ label, postbackData: "X" }] },
    });
    expect(ZCreateSavedReply.safeParse(reply("Hi {{customer.name}}")).success).toBe(true);
    expect(ZCreateSavedReply.safeParse(reply("Hi! {{customer.name}}")).success).toBe(false);
  });
});

describe("ZUpdateSavedReply", () => {
  it("takes any one field, and refuses an empty change", () => {
    expect(ZUpdateSavedReply.safeParse({ title: "New" }).success).toBe(true);
    expect(ZUpdateSavedReply.safeParse({}).error?.issues[0]?.message).toMatch(/Nothing to change/);
  });
});

describe("filterSavedReplies", () => {
  const replies = [
    { code: "hours", title: "Opening hours" },
    { code: "thanks", title: "Thank you" },
    { code: "bye", title: "Thanks and goodbye" },
  ];
  it("matches code or title, ignoring case, codes starting with the query first", () => {
    expect(filterSavedReplies(replies, "THANK").map((r) => r.code)).toEqual(["thanks", "bye"]);
    expect(filterSavedReplies(replies, "hour").map((r) => r.code)).toEqual(["hours"]);
    expect(filterSavedReplies(replies, "").map((r) => r.code)).toEqual(["hours", "thanks", "bye"]);
    expect(filterSavedReplies(replies, "zzz")).toEqual([]);
  });
});

describe("canEditSavedReply", () => {
  const agent = { id: "u1", role: "agent" };
  it("lets the author and admins change a reply, and no other agent", () => {
    expect(canEditSavedReply(agent, { authorId: "u1" })).toBe(true);
    expect(canEditSavedReply(agent, { authorId: "u2" })).toBe(false);
    expect(canEditSavedReply({ id: "a", role: "admin" }, { authorId: "u2" })).toBe(true);
  });
  it("leaves a reply whose author is gone to the admins", () => {
    expect(canEditSavedReply(agent, { authorId: null })).toBe(false);
    expect(canEditSavedReply({ id: "a", role: "admin" }, { authorId: null })).toBe(true);
  });
});
