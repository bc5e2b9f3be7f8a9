import { describe, expect, it } from "vitest";
import { checkDraft, cmFieldToPath, describePath, sendBlockers, summarizeIssue } from "./check-draft";
import { createIdSource, emptyDraft, type TCardDraft, type TRichDraft } from "./rich-draft";

const base = emptyDraft(createIdSource());
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

describe("checkDraft", () => {
  it("passes a valid quick-reply message through as parsed content", () => {
    const draft: TRichDraft = {
      ...base,
      quickReplies: { text: "Hi!", replies: [{ id: "a", label: "Talk to a person", postbackData: "HUMAN_AGENT" }] },
    };
    const check = checkDraft(draft);
    expect(check.issues).toEqual([]);
    expect(check.valid).toEqual({
      kind: "text",
      text: "Hi!",
      quickReplies: [{ label: "Talk to a person", postbackData: "HUMAN_AGENT" }],
    });
  });

  it("puts a label over 20 characters on that quick reply's label", () => {
    const draft: TRichDraft = {
      ...base,
      quickReplies: {
        text: "Hi!",
        replies: [
          { id: "a", label: "Fine", postbackData: "FINE" },
          { id: "b", label: "x".repeat(21), postbackData: "LONG" },
        ],
      },
    };
    const check = checkDraft(draft);
    expect(check.valid).toBeNull();
    expect(check.issues).toEqual([
      {
        path: "quickReplies.1.label",
        where: "Quick reply 2 label",
        message: "A quick reply's label can be at most 20 characters on Instagram.",
      },
    ]);
  });

  it("asks for at least one quick reply", () => {
    const check = checkDraft({ ...base, quickReplies: { text: "Hi!", replies: [] } });
    expect(check.valid).toBeNull();
    expect(check.issues.map((i) => i.path)).toEqual(["quickReplies"]);
  });

  it("checks plain text (the Text tab) with no quick replies asked for, its limit at the text", () => {
    const ok = checkDraft({ ...base, kind: "text", quickReplies: { text: "Hi {{customer.name}}", replies: [] } });
    expect(ok.valid).toEqual({ kind: "text", text: "Hi {{customer.name}}" });
    const long = checkDraft({ ...base, kind: "text", quickReplies: { text: "x".repeat(1001), replies: [] } });
    expect(long.valid).toBeNull();
    expect(long.issues.map(summarizeIssue)).toEqual(["Text: The message can be at most 1000 characters on Instagram."]);
    expect(cmFieldToPath("body.content", "text")).toEqual(["text"]);
  });

  it("keeps the preview content even when invalid", () => {
    const check = checkDraft(base);
    expect(check.content).toEqual({ kind: "text", text: "", quickReplies: [{ label: "", postbackData: "" }] });
    expect(check.issues.map((i) => i.path)).toEqual(["text", "quickReplies.0.label", "quickReplies.0.postbackData"]);
  });

  it("reports a card that has only a title at the card, once its fields are fine", () => {
    const draft: TRichDraft = {
      ...base,
      kind: "carousel",
      carousel: [card({ header: "One", text: "first" }), card({ header: "Two" })],
    };
    const check = checkDraft(draft);
    expect(check.issues).toEqual([
      {
        path: "cards.1",
        where: "Card 2",
        message: "A card needs a subtitle, an image or a button besides its title.",
      },
    ]);
  });

  it("asks the CM validator about what the schema leaves open: a file name without an image extension", () => {
    const draft: TRichDraft = {
      ...base,
      kind: "image",
      image: {
        url: "https://cdn.example.com/a.png",
        mimeType: "image/png",
        typeOverridden: false,
        name: "photo.txt",
        caption: "",
      },
    };
    const check = checkDraft(draft);
    expect(check.valid).toBeNull();
    expect(check.issues).toEqual([
      { path: "image.name", where: "File name", message: "Media name must end in an image file extension." },
    ]);
  });

  it("puts a bad button URL on that button", () => {
    const draft: TRichDraft = {
      ...base,
      kind: "card",
      card: card({
        header: "Shop",
        buttons: [{ id: "b", kind: "url", label: "Visit", postbackData: "", url: "not a url" }],
      }),
    };
    const [issue] = checkDraft(draft).issues;
    expect(issue?.path).toBe("card.buttons.0.url");
    expect(issue && summarizeIssue(issue)).toBe("Button 1 URL must be a public http(s) URL.");
  });
});

describe("cmFieldToPath", () => {
  it("follows build-send-request's mapping back to the content", () => {
    expect(cmFieldToPath("richContent.conversation[0].carousel.cards[1].media.mediaName", "carousel")).toEqual([
      "cards",
      "1",
      "image",
      "name",
    ]);
    expect(cmFieldToPath("richContent.conversation[0].suggestions[2].label", "quickReplies")).toEqual([
      "quickReplies",
      "2",
      "label",
    ]);
    expect(cmFieldToPath("richContent.conversation[0].suggestions[0].postbackdata", "card")).toEqual([
      "card",
      "buttons",
      "0",
      "postbackData",
    ]);
    expect(cmFieldToPath("richContent.conversation[0].text", "image")).toEqual(["caption"]);
    expect(cmFieldToPath("body.content", "quickReplies")).toEqual(["text"]);
  });
});

describe("describePath", () => {
  it("names fields as the editor labels them", () => {
    expect(describePath(["cards", "1", "buttons", "0", "url"])).toBe("Card 2 button 1 URL");
    expect(describePath(["card", "header"])).toBe("Title");
    expect(describePath(["cards", "0", "image", "url"])).toBe("Card 1 image URL");
    expect(describePath(["image", "mimeType"])).toBe("MIME type");
    expect(describePath([""])).toBe("Message");
  });
});

describe("sendBlockers", () => {
  const issues = checkDraft({ ...base, kind: "quickReplies" }).issues;

  it("lists every issue, then the take-back question", () => {
    expect(issues.length).toBeGreaterThan(0);
    expect(sendBlockers(issues, { blocked: false, needsTakeBack: false })).toEqual(issues.map(summarizeIssue));
    expect(sendBlockers(issues, { blocked: false, needsTakeBack: true })).toEqual([
      ...issues.map(summarizeIssue),
      "Confirm that you take the chat back from the Instagram inbox.",
    ]);
  });

  it("lists nothing while sending is blocked: the reason at the top says it all", () => {
    expect(sendBlockers(issues, { blocked: true, needsTakeBack: true })).toEqual([]);
  });
});
