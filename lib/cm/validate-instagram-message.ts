import { charCount, INSTAGRAM_LIMITS, truncateChars } from "./limits";
import type { TCmMedia, TCmRichCard, TCmSendMessage, TCmSuggestion } from "./schemas/send-request";

// Instagram's rules applied to one outbound `msg` (spec: fact sheet, quick reply, rich card).
// Pure and browser-safe: the simulator uses it to answer like CM, the composer to warn early.
// Hard maxima become problems with CM's per-message codes (304 body, 305 field); labels over 20
// characters are only reported as truncations because Instagram cuts them (spec: quick reply).

export type TInstagramProblem = { code: 304 | 305; field: string; reason: string };
export type TInstagramTruncation = { field: string; original: string; truncated: string };
export type TInstagramValidation = { problems: TInstagramProblem[]; truncations: TInstagramTruncation[] };

const L = INSTAGRAM_LIMITS;

type TCollector = TInstagramValidation;

function checkSuggestions(
  out: TCollector,
  suggestions: readonly TCmSuggestion[] | undefined,
  field: string,
  mode: "quick_reply" | "card_button",
): void {
  if (suggestions === undefined) return;
  const max = mode === "quick_reply" ? L.quickRepliesMax : L.cardButtonsMax;
  if (suggestions.length > max) {
    const what = mode === "quick_reply" ? "quick replies" : "buttons per card";
    out.problems.push({ code: 305, field, reason: `${suggestions.length} ${what}; Instagram allows at most ${max}` });
  }
  suggestions.forEach((s, i) => {
    const at = `${field}[${i}]`;
    const action = s.action.toLowerCase();
    if (charCount(s.label.trim()) === 0)
      out.problems.push({ code: 305, field: `${at}.label`, reason: "label is empty" });
    if (charCount(s.label) > L.suggestionLabelMaxChars) {
      out.truncations.push({
        field: `${at}.label`,
        original: s.label,
        truncated: truncateChars(s.label, L.suggestionLabelMaxChars),
      });
    }
    if (s.postbackdata !== undefined && charCount(s.postbackdata) > L.postbackDataMaxChars) {
      out.problems.push({
        code: 305,
        field: `${at}.postbackdata`,
        reason: `postback data is ${charCount(s.postbackdata)} characters; Instagram allows at most ${L.postbackDataMaxChars}`,
      });
    }
    if (action === "openurl") {
      // Quick replies "only support plain text" (spec: quick reply); URLs belong on card buttons.
      if (mode === "quick_reply")
        out.problems.push({ code: 305, field: `${at}.action`, reason: "quick replies cannot open a URL" });
      if (!isHttpUrl(s.url))
        out.problems.push({ code: 305, field: `${at}.url`, reason: "OpenUrl needs an http(s) url" });
    } else if (action !== "reply") {
      out.problems.push({
        code: 305,
        field: `${at}.action`,
        reason: `action ${s.action} is not supported on Instagram`,
      });
    }
  });
}

function isHttpUrl(value: string | undefined): boolean {
  if (value === undefined) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function checkMedia(out: TCollector, media: TCmMedia | undefined, field: string): void {
  if (media === undefined) return;
  if (!isHttpUrl(media.mediaUri)) {
    out.problems.push({ code: 305, field: `${field}.mediaUri`, reason: "media needs a public http(s) URL" });
  }
  const mime = media.mimeType?.toLowerCase();
  if (mime !== undefined && !(L.imageMimeTypes as readonly string[]).includes(mime)) {
    out.problems.push({
      code: 305,
      field: `${field}.mimeType`,
      reason: `${media.mimeType} is not an image type Instagram accepts`,
    });
  }
  if (media.mediaName !== undefined) {
    const ext = /\.([a-z0-9]+)$/i.exec(media.mediaName)?.[1]?.toLowerCase();
    if (ext === undefined || !(L.imageExtensions as readonly string[]).includes(ext)) {
      out.problems.push({
        code: 305,
        field: `${field}.mediaName`,
        reason: "media name must end in an image file extension",
      });
    }
  }
}

function checkCard(out: TCollector, card: TCmRichCard, field: string): void {
  const header = card.header ?? "";
  if (header.trim() === "")
    out.problems.push({ code: 305, field: `${field}.header`, reason: "a card needs a header (title)" });
  if (charCount(header) > L.cardHeaderMaxChars) {
    out.problems.push({
      code: 305,
      field: `${field}.header`,
      reason: `header is ${charCount(header)} characters; at most ${L.cardHeaderMaxChars}`,
    });
  }
  if (card.text !== undefined && charCount(card.text) > L.cardTextMaxChars) {
    out.problems.push({
      code: 305,
      field: `${field}.text`,
      reason: `card text is ${charCount(card.text)} characters; at most ${L.cardTextMaxChars}`,
    });
  }
  // Generic template: "must include a title and must include at least one of: a subtitle, an image
  // and/or up to three buttons" (spec: rich card).
  if (card.text === undefined && card.media === undefined && (card.suggestions?.length ?? 0) === 0) {
    out.problems.push({ code: 305, field, reason: "a card needs text, an image or a button besides its header" });
  }
  checkMedia(out, card.media, `${field}.media`);
  checkSuggestions(out, card.suggestions, `${field}.suggestions`, "card_button");
}

function checkText(out: TCollector, text: string | undefined, field: string): void {
  if (text !== undefined && charCount(text) > L.textMaxChars) {
    out.problems.push({
      code: 304,
      field,
      reason: `text is ${charCount(text)} characters; Instagram allows at most ${L.textMaxChars}`,
    });
  }
}

export function validateInstagramMessage(msg: TCmSendMessage): TInstagramValidation {
  const out: TCollector = { problems: [], truncations: [] };
  const conversation = msg.richContent?.conversation ?? [];
  const body = msg.body?.content ?? "";
  const hasRich = conversation.some(
    (c) => (c.text ?? "") !== "" || c.media !== undefined || c.header !== undefined || c.carousel !== undefined,
  );
  if (body.trim() === "" && !hasRich) {
    out.problems.push({ code: 304, field: "body.content", reason: "A body without content was found" });
  }
  checkText(out, msg.body?.content, "body.content");

  let images = 0;
  conversation.forEach((item, i) => {
    const at = `richContent.conversation[${i}]`;
    if (item.carousel !== undefined) {
      const cards = item.carousel.cards;
      if (cards.length < L.carouselCardsMin || cards.length > L.carouselCardsMax) {
        out.problems.push({
          code: 305,
          field: `${at}.carousel.cards`,
          reason: `${cards.length} cards; a carousel has ${L.carouselCardsMin} to ${L.carouselCardsMax}`,
        });
      }
      cards.forEach((card, j) => checkCard(out, card, `${at}.carousel.cards[${j}]`));
    }
    if (item.header !== undefined) {
      checkCard(out, item, at);
      return;
    }
    checkText(out, item.text, `${at}.text`);
    if (item.media !== undefined) images += 1;
    checkMedia(out, item.media, `${at}.media`);
    checkSuggestions(out, item.suggestions, `${at}.suggestions`, "quick_reply");
  });
  // Instagram sends extra files as extra messages; we reject instead so that one message in the
  // inbox is one Instagram message (spec: fact sheet, media) — stricter than CM, see the README.
  if (images > L.imagesPerMessage) {
    out.problems.push({
      code: 305,
      field: "richContent.conversation",
      reason: `${images} images; one image per message`,
    });
  }
  checkSuggestions(out, msg.richContent?.suggestions, "richContent.suggestions", "quick_reply");
  return out;
}

function truncateLabels<T extends { suggestions?: TCmSuggestion[] | undefined }>(holder: T): T {
  if (holder.suggestions === undefined) return holder;
  return {
    ...holder,
    suggestions: holder.suggestions.map((s) => ({ ...s, label: truncateChars(s.label, L.suggestionLabelMaxChars) })),
  };
}

/** The message as Instagram shows it: every suggestion label cut to 20 characters. */
export function applyInstagramTruncations(msg: TCmSendMessage): TCmSendMessage {
  if (msg.richContent === undefined) return msg;
  const rich = truncateLabels(msg.richContent);
  return {
    ...msg,
    richContent: {
      ...rich,
      ...(rich.conversation === undefined
        ? {}
        : {
            conversation: rich.conversation.map((item) => {
              const withLabels = truncateLabels(item);
              if (withLabels.carousel === undefined) return withLabels;
              return {
                ...withLabels,
                carousel: { ...withLabels.carousel, cards: withLabels.carousel.cards.map((c) => truncateLabels(c)) },
              };
            }),
          }),
    },
  };
}
