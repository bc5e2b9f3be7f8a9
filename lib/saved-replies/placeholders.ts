import type { TOutboundContentInput } from "../messages/compose-schemas";

// Saved replies may hold placeholders that are filled when an agent inserts the reply into a
// conversation. Only what the customer reads is filled: text, caption, card titles and subtitles,
// quick-reply and button labels. Postback data, URLs and file names are machine data and stay as
// stored. Filling can make a field longer (or empty), so the filled content is checked against
// Instagram's limits again, like anything the agent types.

export const PLACEHOLDERS = ["customer.name", "customer.username", "agent.name"] as const;
type TPlaceholder = (typeof PLACEHOLDERS)[number];

/** `{{customer.name}}`, spaces inside the braces allowed: `{{ customer.name }}`. */
const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;

export type TPlaceholderValues = {
  customer: { name: string | null; username: string | null };
  agent: { name: string };
};

/**
 * What each placeholder becomes. An unknown customer name falls back to their username and then
 * to nothing: a greeting without a name reads better than one naming the wrong person or a
 * number. If that leaves a required field blank, the check of the filled content says so.
 */
export function placeholderValues({ customer, agent }: TPlaceholderValues): Record<TPlaceholder, string> {
  const name = customer.name?.trim() || customer.username?.trim() || "";
  return {
    "customer.name": name,
    "customer.username": customer.username?.trim() ?? "",
    "agent.name": agent.name.trim(),
  };
}

function isPlaceholder(name: string): name is TPlaceholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** Fills the known placeholders of one text; unknown ones are left as typed. */
function fillText(text: string, values: Record<TPlaceholder, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
}

/** Placeholders in a text that we do not know how to fill, e.g. `{{customer.email}}`. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "").filter((name) => !isPlaceholder(name));
}

/**
 * Applies `map` to every text the customer reads, keeping everything else. The one list of
 * fillable fields: filling and the check for unknown placeholders both go through it.
 */
export function mapCustomerTexts(
  content: TOutboundContentInput,
  map: (text: string, path: (string | number)[]) => string,
): TOutboundContentInput {
  type TCard = Extract<TOutboundContentInput, { kind: "card" }>["card"];
  const card = (c: TCard, path: (string | number)[]): TCard => ({
    ...c,
    header: map(c.header, [...path, "header"]),
    ...(c.text === undefined ? {} : { text: map(c.text, [...path, "text"]) }),
    ...(c.buttons === undefined
      ? {}
      : { buttons: c.buttons.map((b, i) => ({ ...b, label: map(b.label, [...path, "buttons", i, "label"]) })) }),
  });
  switch (content.kind) {
    case "text":
      return {
        ...content,
        text: map(content.text, ["text"]),
        ...(content.quickReplies === undefined
          ? {}
          : {
              quickReplies: content.quickReplies.map((q, i) => ({
                ...q,
                label: map(q.label, ["quickReplies", i, "label"]),
              })),
            }),
      };
    case "image":
      return content.caption === undefined ? content : { ...content, caption: map(content.caption, ["caption"]) };
    case "card":
      return { ...content, card: card(content.card, ["card"]) };
    case "carousel":
      return { ...content, cards: content.cards.map((c, i) => card(c, ["cards", i])) };
  }
}

/** The content with its placeholders filled for this customer and agent. Not validated. */
export function fillPlaceholders(content: TOutboundContentInput, values: TPlaceholderValues): TOutboundContentInput {
  const filled = placeholderValues(values);
  return mapCustomerTexts(content, (text) => fillText(text, filled));
}
