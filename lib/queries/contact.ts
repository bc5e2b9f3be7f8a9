import { ZContactAnswer, type TContactDetails, type TSaveContactNotes } from "../contacts/schemas";
import { fetchJson, sendJson } from "../http/fetch-json";

export const contactKeys = {
  all: ["contact"] as const,
  ofConversation: (conversationId: string) => [...contactKeys.all, conversationId] as const,
};

const contactUrl = (conversationId: string) => `/api/conversations/${encodeURIComponent(conversationId)}/contact`;

export async function fetchContact(conversationId: string): Promise<TContactDetails> {
  return (await fetchJson(contactUrl(conversationId), ZContactAnswer)).contact;
}

/** Saves the notes; an ApiError with status 409 when someone saved other notes since `notesUpdatedAt`. */
export async function saveContactNotes(conversationId: string, input: TSaveContactNotes): Promise<TContactDetails> {
  return (await sendJson("PATCH", contactUrl(conversationId), ZContactAnswer, input)).contact;
}
