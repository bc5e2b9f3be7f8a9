import { describe, expect, it } from "vitest";
import { INSTAGRAM_LIMITS } from "@/lib/cm/limits";
import { outboundKind, type TOutboundContentInput } from "@/lib/messages/compose-schemas";
import {
  addHumanAgentReply,
  canAddHumanAgentReply,
  contentToDraft,
  createIdSource,
  draftToContent,
  emptyDraft,
  emptyQuickReply,
  hasHumanAgentReply,
  moveItem,
  type TCardDraft,
  type TRichDraft,
} from "./rich-draft";

const card = (overrides: Partial<TCardDraft>): TCardDraft => ({
  id: "c",
  header: "",
  text: "",
  imageUrl: "",
  imageMimeType: "image/jpeg",
  imageTypeOverridden: false,
  buttons: [],
  ...overrides,
});

describe("emptyDraft", () => {
  it("starts with one blank quick reply and the two cards a carousel needs", () => {
    const draft = emptyDraft(createIdSource());
    expect(draft.kind).toBe("quickReplies");
    expect(draft.quickReplies.replies).toHaveLength(1);
    expect(draft.carousel).toHaveLength(INSTAGRAM_LIMITS.carouselCardsMin);
    const ids = [draft.quickReplies.replies[0]?.id, draft.card.id, ...draft.carousel.map((c) => c.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("draftToContent", () => {
  const base = emptyDraft(createIdSource());

  it("builds a text with quick replies, keeping blank rows so issue paths stay in place", () => {
    const draft: TRichDraft = {
      ...base,
      quickReplies: {
        text: "What can I do for you?",
        replies: [
          { id: "a", label: "", postbackData: "" },
          { id: "b", label: "Call me", postbackData: "CALL" },
        ],
      },
    };
    expect(draftToContent(draft)).toEqual({
      kind: "text",
      text: "What can I do for you?",
      quickReplies: [
        { label: "", postbackData: "" },
        { label: "Call me", postbackData: "CALL" },
      ],
    });
  });

  it("leaves a blank caption and file name out of an image", () => {
    const draft: TRichDraft = {
      ...base,
      kind: "image",
      image: {
        url: " https://cdn.example.com/a.png ",
        mimeType: "image/png",
        typeOverridden: false,
        name: " ",
        caption: "",
      },
    };
    expect(draftToContent(draft)).toEqual({
      kind: "image",
      image: { url: "https://cdn.example.com/a.png", mimeType: "image/png" },
    });
  });

  it("keeps a caption and a file name when given", () => {
    const draft: TRichDraft = {
      ...base,
      kind: "image",
      image: {
        url: "https://cdn.example.com/a.png",
        mimeType: "image/png",
        typeOverridden: false,
        name: "a.png",
        caption: "Our shop",
      },
    };
    expect(draftToContent(draft)).toEqual({
      kind: "image",
      image: { url: "https://cdn.example.com/a.png", mimeType: "image/png", name: "a.png" },
      caption: "Our shop",
    });
  });

  it("builds a card with only the parts that are filled in, and buttons of both kinds", () => {
    const draft: TRichDraft = {
      ...base,
      kind: "card",
      card: card({
        header: "We are CM.com!",
        imageUrl: "https://cdn.example.com/t.jpg",
        buttons: [
          { id: "1", kind: "url", label: "Visit us", postbackData: "ignored", url: "https://cm.com" },
          { id: "2", kind: "reply", label: "Chat", postbackData: "HUMAN_AGENT", url: "ignored" },
        ],
      }),
    };
    expect(draftToContent(draft)).toEqual({
      kind: "card",
      card: {
        header: "We are CM.com!",
        image: { url: "https://cdn.example.com/t.jpg", mimeType: "image/jpeg" },
        buttons: [
          { kind: "url", label: "Visit us", url: "https://cm.com" },
          { kind: "reply", label: "Chat", postbackData: "HUMAN_AGENT" },
        ],
      },
    });
  });

  it("builds a carousel card by card, in order", () => {
    const draft: TRichDraft = {
      ...base,
      kind: "carousel",
      carousel: [card({ header: "One", text: "first" }), card({ header: "Two", text: "second" })],
    };
    expect(draftToContent(draft)).toEqual({
      kind: "carousel",
      cards: [
        { header: "One", text: "first" },
        { header: "Two", text: "second" },
      ],
    });
  });
});

describe("addHumanAgentReply", () => {
  const newId = createIdSource("t");

  it("fills the first blank row with the HUMAN_AGENT quick reply", () => {
    const draft = { text: "Hi", replies: [{ id: "a", label: "", postbackData: "" }] };
    const next = addHumanAgentReply(draft, newId);
    expect(next.replies).toEqual([{ id: "a", label: "Talk to a person", postbackData: "HUMAN_AGENT" }]);
    expect(hasHumanAgentReply(next)).toBe(true);
  });

  it("appends it after filled rows", () => {
    const draft = { text: "Hi", replies: [{ id: "a", label: "Call me", postbackData: "CALL" }] };
    const next = addHumanAgentReply(draft, newId);
    expect(next.replies.map((r) => r.postbackData)).toEqual(["CALL", "HUMAN_AGENT"]);
  });

  it("adds it only once", () => {
    const once = addHumanAgentReply({ text: "", replies: [] }, newId);
    expect(addHumanAgentReply(once, newId)).toBe(once);
  });

  it("does not go past Instagram's 13 quick replies", () => {
    const replies = Array.from({ length: INSTAGRAM_LIMITS.quickRepliesMax }, (_, i) => ({
      ...emptyQuickReply(newId),
      label: `Option ${i}`,
      postbackData: `O${i}`,
    }));
    const full = { text: "", replies };
    expect(canAddHumanAgentReply(full)).toBe(false);
    expect(addHumanAgentReply(full, newId)).toBe(full);
  });

  it("still fits into a full list by filling a blank row", () => {
    const replies = Array.from({ length: INSTAGRAM_LIMITS.quickRepliesMax }, (_, i) => ({
      id: `r${i}`,
      label: i === 12 ? " " : `Option ${i}`,
      postbackData: i === 12 ? "" : `O${i}`,
    }));
    const next = addHumanAgentReply({ text: "", replies }, newId);
    expect(next.replies).toHaveLength(INSTAGRAM_LIMITS.quickRepliesMax);
    expect(next.replies[12]).toEqual({ id: "r12", label: "Talk to a person", postbackData: "HUMAN_AGENT" });
  });
});

describe("moveItem", () => {
  it("moves an item left or right", () => {
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
  });

  it("changes nothing past either end, and never mutates its input", () => {
    const list = ["a", "b"];
    expect(moveItem(list, 0, -1)).toEqual(["a", "b"]);
    expect(moveItem(list, 1, 1)).toEqual(["a", "b"]);
    expect(moveItem(list, 5, -1)).toEqual(["a", "b"]);
    expect(list).toEqual(["a", "b"]);
  });
});

describe("contentToDraft", () => {
  const contents: TOutboundContentInput[] = [
    { kind: "text", text: "Hi {{customer.name}}" },
    {
      kind: "text",
      text: "Pick one",
      quickReplies: [
        { label: "Yes", postbackData: "YES" },
        { label: "Talk to a person", postbackData: "HUMAN_AGENT" },
      ],
    },
    { kind: "image", image: { url: "https://example.com/a.png", mimeType: "image/png" } },
    {
      kind: "image",
      image: { url: "https://example.com/photo", mimeType: "image/webp", name: "photo.webp" },
      caption: "For {{customer.name}}",
    },
    {
      kind: "card",
      card: {
        header: "Boots",
        text: "From €89",
        image: { url: "https://example.com/boots.jpg", mimeType: "image/jpeg" },
        buttons: [
          { kind: "reply", label: "Want", postbackData: "WANT" },
          { kind: "url", label: "Shop", url: "https://example.com/shop" },
        ],
      },
    },
    {
      kind: "carousel",
      cards: [
        { header: "One", text: "First" },
        { header: "Two", buttons: [{ kind: "url", label: "Open", url: "https://example.com/2" }] },
        { header: "Three", image: { url: "https://example.com/3.gif", mimeType: "image/png" } },
      ],
    },
  ];

  it.each(contents.map((content) => [outboundKind(content), content] as const))(
    "gives back the same %s content through draftToContent",
    (_kind, content) => {
      expect(draftToContent(contentToDraft(content, createIdSource()))).toEqual(content);
    },
  );

  it("opens the tab of the content's kind, plain text on the Text tab", () => {
    const kinds = contents.map((content) => contentToDraft(content, createIdSource()).kind);
    expect(kinds).toEqual(["text", "quickReplies", "image", "image", "card", "carousel"]);
  });

  it("keeps a type that differs from the link's extension as chosen on purpose, and follows one that agrees", () => {
    const [, , png, webp, card, carousel] = contents.map((c) => contentToDraft(c, createIdSource()));
    expect(png?.image.typeOverridden).toBe(false);
    expect(webp?.image.typeOverridden).toBe(true);
    expect(card?.card.imageTypeOverridden).toBe(false);
    expect(carousel?.carousel[2]?.imageTypeOverridden).toBe(true);
  });

  it("gives every list item its own id", () => {
    const draft = contentToDraft(contents[4] as TOutboundContentInput, createIdSource());
    const ids = [draft.card.id, ...draft.card.buttons.map((b) => b.id), ...draft.quickReplies.replies.map((r) => r.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
