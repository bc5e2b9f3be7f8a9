import { z } from "zod";
import { ZAssignableAgents, type TAssignBody, type TStatusBody } from "../conversations/schemas";
import { fetchJson } from "../http/fetch-json";
import { ZConversationSummary, type TConversationSummary } from "../conversations/summary";

const ZConversationAnswer = z.object({ conversation: ZConversationSummary });
const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

export async function postAssignee(conversationId: string, body: TAssignBody): Promise<TConversationSummary> {
  const answer = await fetchJson(`/api/conversations/${conversationId}/assignee`, ZConversationAnswer, json(body));
  return answer.conversation;
}

export async function postStatus(conversationId: string, body: TStatusBody): Promise<TConversationSummary> {
  const answer = await fetchJson(`/api/conversations/${conversationId}/status`, ZConversationAnswer, json(body));
  return answer.conversation;
}

export const assignableAgentsKey = (conversationId: string) => ["conversations", "agents", conversationId] as const;

export function fetchAssignableAgents(conversationId: string) {
  return fetchJson(`/api/conversations/${conversationId}/agents`, ZAssignableAgents);
}
