import { describe, expect, it } from "vitest";
import type { TMessageView } from "../messages/schemas";
import type { TConversationSummary } from "../conversations/summary";
import { noticeForMention, noticeForSlaWarning, noticesForChange, titleWithCount } from "./notify-rules";

const conversation = (id: string, assignee: string | null, name: string | null = "Jane") =>
  ({
    id,
    contact: { igsid: "1", name, username: "jane.doe" },
    assignee: assignee ? { id: assignee, name: assignee } : null,
  }) as TConversationSummary;
const message = (id: string, conversationId: string, over: Partial<TMessageView> = {}) =>
  ({
    id,
    conversationId,
    direction: "INBOUND",
    kind: "TEXT",
    content: { text: `text of ${id}` },
    deleted: false,
    ...over,
  }) as TMessageView;

describe("which customer messages notify me", () => {
  it("those in conversations assigned to me or to nobody", () => {
    const change = {
      conversations: [conversation("mine", "me"), conversation("free", null), conversation("theirs", "sam")],
      created: [message("m1", "mine"), message("m2", "free"), message("m3", "theirs")],
      updated: [],
    };
    expect(noticesForChange(change, "me")).toEqual([
      { tag: "m1", conversationId: "mine", title: "Jane", body: "text of m1" },
      { tag: "m2", conversationId: "free", title: "Jane", body: "text of m2" },
    ]);
    expect(noticesForChange(change, "sam").map((n) => n.tag)).toEqual(["m2", "m3"]);
  });

  it("never agents' replies, notes, system lines or deleted messages", () => {
    const change = {
      conversations: [conversation("c", null)],
      created: [
        message("reply", "c", { direction: "OUTBOUND" }),
        message("note", "c", { direction: "INTERNAL", kind: "NOTE" }),
        message("gone", "c", { deleted: true, content: null }),
      ],
      updated: [message("edited", "c")],
    };
    expect(noticesForChange(change, "me")).toEqual([]);
  });

  it("names the customer by @username without a name, and says what they sent", () => {
    const change = {
      conversations: [conversation("c", null, null)],
      created: [message("p", "c", { kind: "IMAGE", content: { url: "u", caption: "" } })],
      updated: [],
    };
    expect(noticesForChange(change, "me")).toEqual([
      { tag: "p", conversationId: "c", title: "@jane.doe", body: "📷 Photo" },
    ]);
  });

  it("skips a message whose conversation the change does not carry (its holder is unknown)", () => {
    expect(noticesForChange({ conversations: [], created: [message("m", "x")], updated: [] }, "me")).toEqual([]);
  });
});

describe("a mention's notification", () => {
  it("says who mentioned me, where, and what the note says", () => {
    expect(
      noticeForMention({
        conversationId: "c",
        messageId: "n",
        authorName: "Ada",
        contactName: "Jane",
        excerpt: "@Sam can you call her?",
      }),
    ).toEqual({
      tag: "n",
      conversationId: "c",
      title: "Ada mentioned you",
      body: "Note on Jane: @Sam can you call her?",
    });
  });
});

describe("the tab's title", () => {
  it("carries the count in front, replaces an earlier count, and drops it at zero", () => {
    expect(titleWithCount("Instagram Inbox", 3)).toBe("(3) Instagram Inbox");
    expect(titleWithCount("(3) Instagram Inbox", 4)).toBe("(4) Instagram Inbox");
    expect(titleWithCount("(4) Instagram Inbox", 0)).toBe("Instagram Inbox");
    expect(titleWithCount("(draft) notes", 0)).toBe("(draft) notes");
  });
});

describe("noticeForSlaWarning", () => {
  it("names the customer and what is due, once per due time", () => {
    const warning = {
      conversationId: "c1",
      contactName: "Ann",
      target: "FIRST_RESPONSE" as const,
      dueAt: "2026-01-13T10:00:00.000Z",
      text: "First response due in 9 min",
    };
    expect(noticeForSlaWarning(warning)).toEqual({
      tag: "sla:c1:2026-01-13T10:00:00.000Z",
      conversationId: "c1",
      title: "SLA: Ann",
      body: "First response due in 9 min",
    });
  });
});
