import { describe, expect, it } from "vitest";
import { ZConversationTyping, ZConversationView, listNames, summarizePresence } from "./conversation-presence-state";

const sam = { id: "u-sam", name: "Sam" };
const ada = { id: "u-ada", name: "Ada" };
const NOW = 1_000_000;

describe("summarizePresence", () => {
  it("lists each user once, however many tabs they have open, and only this conversation's", () => {
    const presence = summarizePresence(
      "c1",
      [
        { user: sam, presence: { conversationId: "c1", typingUntil: 0 } },
        { user: sam, presence: { conversationId: "c1", typingUntil: 0 } },
        { user: ada, presence: { conversationId: "c1", typingUntil: 0 } },
        { user: { id: "u-kim", name: "Kim" }, presence: { conversationId: "c2", typingUntil: 0 } },
        { user: { id: "u-lee", name: "Lee" }, presence: undefined },
      ],
      NOW,
    );
    expect(presence).toEqual({ conversationId: "c1", viewers: [ada, sam], typing: [] });
  });

  it("counts a user as typing while their latest ping in any tab holds, and no longer after", () => {
    const sockets = [
      { user: sam, presence: { conversationId: "c1", typingUntil: NOW + 1_000 } },
      { user: sam, presence: { conversationId: "c1", typingUntil: NOW + 4_000 } },
      { user: ada, presence: { conversationId: "c1", typingUntil: NOW - 1 } },
    ];
    expect(summarizePresence("c1", sockets, NOW).typing).toEqual([{ ...sam, expiresInMs: 4_000 }]);
    // A crashed tab pings no more: its typing ends by itself.
    expect(summarizePresence("c1", sockets, NOW + 4_000).typing).toEqual([]);
    expect(summarizePresence("c1", sockets, NOW + 4_000).viewers).toEqual([ada, sam]);
  });
});

describe("presence payloads", () => {
  it("accept a conversation id and a typing flag, nothing else", () => {
    expect(ZConversationView.safeParse({ conversationId: "c1" }).success).toBe(true);
    expect(ZConversationView.safeParse({ conversationId: "" }).success).toBe(false);
    expect(ZConversationView.safeParse({ conversationId: 42 }).success).toBe(false);
    expect(ZConversationView.safeParse("c1").success).toBe(false);
    expect(ZConversationTyping.safeParse({ conversationId: "c1", typing: true }).success).toBe(true);
    expect(ZConversationTyping.safeParse({ conversationId: "c1", typing: "yes" }).success).toBe(false);
    expect(ZConversationTyping.safeParse({ conversationId: "c1" }).success).toBe(false);
  });
});

describe("listNames", () => {
  it("joins names as a sentence says them", () => {
    expect(listNames([])).toBe("");
    expect(listNames(["Sam"])).toBe("Sam");
    expect(listNames(["Sam", "Ada"])).toBe("Sam and Ada");
    expect(listNames(["Sam", "Ada", "Kim"])).toBe("Sam, Ada and Kim");
  });
});
