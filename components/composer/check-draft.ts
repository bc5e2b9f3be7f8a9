import { buildInstagramMessage } from "@/lib/cm/build-send-request";
import { validateInstagramMessage } from "@/lib/cm/validate-instagram-message";
import { ZOutboundContent, type TOutboundContentInput } from "@/lib/messages/compose-schemas";
import { draftToContent, type TRichDraft, type TRichKind } from "./rich-draft";

// Checks a draft with the schema the server uses, then asks the CM validator for a second
// opinion on what the schema does not cover (a file name without an image extension). Every
// issue is keyed by its path in the content (`cards.1.buttons.0.url`), which is also how the
// editors name their fields, so each message lands next to the field it is about.

export type TIssue = {
  /** Dotted path in the content, e.g. `quickReplies.2.label`; "" for the message as a whole. */
  path: string;
  /** The field in words, e.g. "Card 2 button 1 URL", for the summary. */
  where: string;
  message: string;
};

export type TDraftCheck = {
  /** What the draft stands for, valid or not: the preview shows it while the agent types. */
  content: TOutboundContentInput;
  /** The parsed content when it may be sent, else null. */
  valid: TOutboundContentInput | null;
  /** At most one issue per path, in the order the fields appear. */
  issues: TIssue[];
};

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

export function checkDraft(draft: TRichDraft): TDraftCheck {
  const content = draftToContent(draft);
  const issues = new Map<string, string>();
  const add = (path: readonly PropertyKey[], message: string) => {
    const key = pathKey(path);
    if (!issues.has(key)) issues.set(key, message);
  };

  // The quick-reply tab exists to send quick replies; a plain message belongs in the text composer.
  if (draft.kind === "quickReplies" && draft.quickReplies.replies.length === 0) {
    add(["quickReplies"], "Add at least one quick reply, or send plain text from the text composer.");
  }
  const parsed = ZOutboundContent.safeParse(content);
  if (parsed.success) {
    const opinion = validateInstagramMessage(
      buildInstagramMessage({ from: "preview", to: "preview", reference: "preview", content: parsed.data }),
    );
    for (const problem of opinion.problems) add(cmFieldToPath(problem.field, draft.kind), sentence(problem.reason));
  } else {
    for (const issue of parsed.error.issues) add(issue.path, issue.message);
  }

  const list = [...issues].map(([path, message]) => ({ path, message, where: describePath(path.split(".")) }));
  return { content, valid: parsed.success && list.length === 0 ? parsed.data : null, issues: list };
}

function sentence(reason: string): string {
  const text = reason.charAt(0).toUpperCase() + reason.slice(1);
  return text.endsWith(".") ? text : `${text}.`;
}

const CM_TO_CONTENT: Record<string, string> = {
  header: "header",
  media: "image",
  mediaUri: "url",
  mediaName: "name",
  mimeType: "mimeType",
  postbackdata: "postbackData",
  label: "label",
  url: "url",
};

/**
 * Turns a CM field (`richContent.conversation[0].carousel.cards[1].media.mediaName`) back into
 * the content path it was built from (`cards.1.image.name`), following build-send-request.ts.
 */
export function cmFieldToPath(field: string, kind: TRichKind): string[] {
  const tokens = field.match(/[^.[\]]+/g) ?? [];
  if (tokens[0] === "body")
    return kind === "image" ? ["caption"] : kind === "quickReplies" || kind === "text" ? ["text"] : [];
  if (tokens[0] !== "richContent" || tokens[1] !== "conversation") return [];
  let rest = tokens.slice(3);
  const out: string[] = [];
  if (kind === "carousel") {
    if (rest[0] !== "carousel" || rest[1] !== "cards") return [];
    out.push("cards", ...rest.slice(2, 3));
    rest = rest.slice(3);
  } else if (kind === "card") {
    out.push("card");
  }
  for (const token of rest) {
    if (token === "text") out.push(kind === "image" ? "caption" : "text");
    else if (token === "suggestions") out.push(kind === "quickReplies" ? "quickReplies" : "buttons");
    else if (/^\d+$/.test(token)) out.push(token);
    else {
      const mapped = CM_TO_CONTENT[token];
      if (mapped === undefined) break;
      out.push(mapped);
    }
  }
  return out;
}

const CARD_FIELDS: Record<string, string> = { header: "title", text: "subtitle" };
const BUTTON_FIELDS: Record<string, string> = { label: "label", postbackData: "postback data", url: "URL" };
const IMAGE_FIELDS: Record<string, string> = { url: "image URL", mimeType: "MIME type", name: "file name" };

function ordinal(token: string | undefined): number {
  return Number(token ?? 0) + 1;
}

function describeCardField(rest: readonly string[]): string {
  const [field, index, sub] = rest;
  if (field === undefined) return "";
  if (field === "image") return index === "mimeType" ? "image MIME type" : "image URL";
  if (field === "buttons") {
    if (index === undefined) return "buttons";
    return `button ${ordinal(index)}${sub === undefined ? "" : ` ${BUTTON_FIELDS[sub] ?? sub}`}`;
  }
  return CARD_FIELDS[field] ?? field;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A content path in words: `cards.1.buttons.0.url` → "Card 2 button 1 URL". */
export function describePath(path: readonly string[]): string {
  const [head, ...rest] = path;
  switch (head) {
    case "text":
      return "Text";
    case "caption":
      return "Caption";
    case "quickReplies": {
      if (rest[0] === undefined) return "Quick replies";
      const field = rest[1] === undefined ? "" : ` ${BUTTON_FIELDS[rest[1]] ?? rest[1]}`;
      return `Quick reply ${ordinal(rest[0])}${field}`;
    }
    case "image":
      return capitalize(IMAGE_FIELDS[rest[0] ?? ""] ?? "image");
    case "card":
      return capitalize(describeCardField(rest) || "card");
    case "cards": {
      if (rest[0] === undefined) return "Carousel";
      const field = describeCardField(rest.slice(1));
      return `Card ${ordinal(rest[0])}${field === "" ? "" : ` ${field}`}`;
    }
    default:
      return "Message";
  }
}

/**
 * The schemas word some messages to follow the field's name ("must be a public http(s) URL");
 * those get the name in front. Whole sentences are shown as they are.
 */
export function describeIssue(name: string, message: string): string {
  return /^[a-z]/.test(message) ? `${name} ${message}.` : message;
}

/** One line of the summary: the field in words, then what is wrong with it. */
export function summarizeIssue(issue: TIssue): string {
  return /^[a-z]/.test(issue.message) ? `${issue.where} ${issue.message}.` : `${issue.where}: ${issue.message}`;
}

/**
 * What the summary under the rich composer lists before Send: every issue, then the take-back
 * question. While sending is blocked, the reason at the top is the one thing to say; a to-do
 * list would mislead.
 */
export function sendBlockers(
  issues: readonly TIssue[],
  { blocked, needsTakeBack }: { blocked: boolean; needsTakeBack: boolean },
): string[] {
  if (blocked) return [];
  const reasons = issues.map(summarizeIssue);
  if (needsTakeBack) reasons.push("Confirm that you take the chat back from the Instagram inbox.");
  return reasons;
}

/** How editors look up the issue for one of their fields, by its content path. */
export type TErrorAt = (path: readonly (string | number)[]) => string | undefined;

export function errorLookup(issues: readonly TIssue[]): TErrorAt {
  const byPath = new Map(issues.map((issue) => [issue.path, issue.message]));
  return (path) => byPath.get(pathKey(path));
}
