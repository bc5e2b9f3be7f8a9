import { ZAssignableAgents, type TAssignBody, type TStatusBody } from "../conversations/schemas";
import { fetchJson, sendJson } from "../http/fetch-json";
import { ZConversationAnswer, type TConversationSummary } from "../conversations/summary";

export async function postAssignee(conversationId: string, body: TAssignBody): Promise<TConversationSummary> {
  const answer = await sendJson("POST", `/api/conversations/${conversationId}/assignee`, ZConversationAnswer, body);
  return answer.conversation;
}

export async function postStatus(conversationId: string, body: TStatusBody): Promise<TConversationSummary> {
  const answer = await sendJson("POST", `/api/conversations/${conversationId}/status`, ZConversationAnswer, body);
  return answer.conversation;
}

export const assignableAgentsKey = (conversationId: string) => ["conversations", "agents", conversationId] as const;

export function fetchAssignableAgents(conversationId: string) {
  return fetchJson(`/api/conversations/${conversationId}/agents`, ZAssignableAgents);
}
