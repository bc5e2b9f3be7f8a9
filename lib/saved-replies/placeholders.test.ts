import { describe, expect, it } from "vitest";
import { ZOutboundContent, type TOutboundContentInput } from "../messages/compose-schemas";
import { fillPlaceholders, placeholderValues } from "./placeholders";

const values = {
  customer: { name: "Jane Doe", username: "jane.doe" },
  agent: { name: "Sam" },
};

describe("fillPlaceholders", () => {
  it("fills a text and its quick-reply labels, but never the postback data", () => {
    const content: TOutboundContentInput = {
      kind: "text",
      text: "Hi {{customer.name}} (@{{ customer.username }}), {{agent.name}} here.",
      quickReplies: [{ label: "Thanks {{agent.name}}", postbackData: "THANKS {{agent.name}}" }],
    };
    expect(fillPlaceholders(content, values)).toEqual({
      kind: "text",
      text: "Hi Jane Doe (@jane.doe), Sam here.",
      quickReplies: [{ label: "Thanks Sam", postbackData: "THANKS {{agent.name}}" }],
    });
  });

  it("fills an image's caption but not its URL or file name", () => {
    const content: TOutboundContentInput = {
      kind: "image",
      image: { url: "https://example.com/{{agent.name}}.png", mimeType: "image/png", name: "{{agent.name}}.png" },
      caption: "For you, {{customer.name}}",
    };
    expect(fillPlaceholders(content, values)).toEqual({ ...content, caption: "For you, Jane Doe" });
  });

  it("fills a card's title, subtitle and button labels, and every card of a carousel", () => {
    const card = {
      header: "{{customer.name}}'s pick",
      text: "Chosen by {{agent.name}}",
      buttons: [
        { kind: "reply" as const, label: "Yes {{agent.name}}", postbackData: "YES_{{customer.name}}" },
        { kind: "url" as const, label: "Open", url: "https://example.com/?u={{customer.username}}" },
      ],
    };
    const filledCard = {
      header: "Jane Doe's pick",
      text: "Chosen by Sam",
      buttons: [
        { kind: "reply", label: "Yes Sam", postbackData: "YES_{{customer.name}}" },
        { kind: "url", label: "Open", url: "https://example.com/?u={{customer.username}}" },
      ],
    };
    expect(fillPlaceholders({ kind: "card", card }, values)).toEqual({ kind: "card", card: filledCard });
    expect(
      fillPlaceholders({ kind: "carousel", cards: [card, { header: "Hi {{customer.username}}" }] }, values),
    ).toEqual({
      kind: "carousel",
      cards: [filledCard, { header: "Hi jane.doe" }],
    });
  });

  it("leaves unknown placeholders as typed", () => {
    expect(fillPlaceholders({ kind: "text", text: "{{customer.email}} {{agent.name}}" }, values)).toEqual({
      kind: "text",
      text: "{{customer.email}} Sam",
    });
  });
});

describe("placeholderValues", () => {
  it("falls back from the customer's name to their username, then to nothing", () => {
    const agent = { name: "Sam" };
    expect(placeholderValues({ customer: { name: null, username: "jd" }, agent })["customer.name"]).toBe("jd");
    expect(placeholderValues({ customer: { name: "  ", username: "jd" }, agent })["customer.name"]).toBe("jd");
    expect(placeholderValues({ customer: { name: null, username: null }, agent })).toEqual({
      "customer.name": "",
      "customer.username": "",
      "agent.name": "Sam",
    });
  });
});

describe("the filled content is checked against Instagram's limits again", () => {
  const long = {
    customer: { name: "Bartholomew Maximilian Featherstonehaugh", username: null },
    agent: { name: "Sam" },
  };

  it("refuses a 990-character text that a long name pushes over 1000", () => {
    const template: TOutboundContentInput = { kind: "text", text: `${"a".repeat(973)}{{customer.name}}` };
    expect(ZOutboundContent.safeParse(template).success).toBe(true);
    const filled = fillPlaceholders(template, long);
    expect(ZOutboundContent.safeParse(filled).error?.issues[0]).toMatchObject({ path: ["text"] });
  });

  it("refuses a quick-reply label over 20 characters once filled", () => {
    const template: TOutboundContentInput = {
      kind: "text",
      text: "Pick one",
      quickReplies: [{ label: "Hi {{customer.name}}", postbackData: "HI" }],
    };
    expect(ZOutboundContent.safeParse(template).success).toBe(true);
    expect(ZOutboundContent.safeParse(fillPlaceholders(template, long)).error?.issues[0]?.path).toEqual([
      "quickReplies",
      0,
      "label",
    ]);
  });

  it("refuses an image caption, a card title and a carousel button label that grow too long", () => {
    const image: TOutboundContentInput = {
      kind: "image",
      image: { url: "https://example.com/a.png", mimeType: "image/png" },
      caption: `${"c".repeat(980)}{{customer.name}}`,
    };
    const card: TOutboundContentInput = {
      kind: "card",
      card: { header: `${"h".repeat(60)}{{customer.name}}`, text: "Subtitle" },
    };
    const carousel: TOutboundContentInput = {
      kind: "carousel",
      cards: [
        { header: "One", buttons: [{ kind: "reply", label: "{{customer.name}}", postbackData: "ONE" }] },
        { header: "Two", text: "Second" },
      ],
    };
    for (const [template, path] of [
      [image, ["caption"]],
      [card, ["card", "header"]],
      [carousel, ["cards", 0, "buttons", 0, "label"]],
    ] as const) {
      expect(ZOutboundContent.safeParse(template).success).toBe(true);
      expect(ZOutboundContent.safeParse(fillPlaceholders(template, long)).error?.issues[0]?.path).toEqual(path);
    }
  });

  it("refuses a required field that filling leaves blank (no name and no username)", () => {
    const template: TOutboundContentInput = { kind: "card", card: { header: "{{customer.name}}", text: "Hello" } };
    const nobody = { customer: { name: null, username: null }, agent: { name: "Sam" } };
    expect(ZOutboundContent.safeParse(fillPlaceholders(template, nobody)).error?.issues[0]?.path).toEqual([
      "card",
      "header",
    ]);
  });
});
