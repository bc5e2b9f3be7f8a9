import { queryOptions } from "@tanstack/react-query";
import { ZDeletedAnswer } from "../http/answers";
import { fetchJson, sendJson } from "../http/fetch-json";
import {
  ZLabelAnswer,
  ZLabelList,
  compareLabels,
  type TCreateLabel,
  type TLabel,
  type TUpdateLabel,
} from "../labels/schemas";
import { ZConversationAnswer, type TConversationSummary } from "../conversations/summary";

export const labelKeys = {
  all: ["labels"] as const,
  list: () => [...labelKeys.all, "list"] as const,
};

/** Every label (any signed-in user); the live `labels.changed` event replaces it whole. */
export const labelsQuery = queryOptions({
  queryKey: labelKeys.list(),
  queryFn: async () => (await fetchJson("/api/labels", ZLabelList)).labels,
  staleTime: 60_000,
});

const adminLabelUrl = (id: string) => `/api/admin/labels/${encodeURIComponent(id)}`;

export async function createLabel(input: TCreateLabel): Promise<TLabel> {
  return (await sendJson("POST", "/api/admin/labels", ZLabelAnswer, input)).label;
}

export async function updateLabel(id: string, input: TUpdateLabel): Promise<TLabel> {
  return (await sendJson("PATCH", adminLabelUrl(id), ZLabelAnswer, input)).label;
}

export async function deleteLabel(id: string): Promise<void> {
  await sendJson("DELETE", adminLabelUrl(id), ZDeletedAnswer);
}

/** Puts a label on a conversation (`on`) or takes it off; the answer is the conversation as it is now. */
export async function setConversationLabel(
  conversationId: string,
  labelId: string,
  on: boolean,
): Promise<TConversationSummary> {
  const url = `/api/conversations/${encodeURIComponent(conversationId)}/labels/${encodeURIComponent(labelId)}`;
  return (await sendJson(on ? "PUT" : "DELETE", url, ZConversationAnswer)).conversation;
}

// ---- Pure cache updaters ---------------------------------------------------------------

/** Replaces the label with the same id (or adds it), in the order every list shows. */
export function upsertLabel(labels: TLabel[] | undefined, label: TLabel): TLabel[] | undefined {
  if (!labels) return labels;
  return [...labels.filter((l) => l.id !== label.id), label].sort(compareLabels);
}

export function removeLabel(labels: TLabel[] | undefined, id: string): TLabel[] | undefined {
  return labels?.filter((l) => l.id !== id);
}
