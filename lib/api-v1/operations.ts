import type { z } from "zod";
import type { TApiScope } from "../api-tokens/schemas";
import { ZAssignBody, ZStatusBody } from "../conversations/schemas";
import { ZConversationLabelParams, ZIdParams } from "../http/route-params";
import {
  ZV1AccountList,
  ZV1AddLabel,
  ZV1AddNote,
  ZV1Contact,
  ZV1Conversation,
  ZV1ConversationList,
  ZV1ConversationQuery,
  ZV1LabelList,
  ZV1Message,
  ZV1MessageList,
  ZV1MessageQuery,
  ZV1NoteList,
  ZV1ReportOverview,
  ZV1ReportQuery,
  ZV1SaveContactNotes,
  ZV1SavedReplyList,
  ZV1SearchQuery,
  ZV1SearchResults,
  ZV1SendMessage,
} from "./schemas";

// Every operation of the public API (issue 21), once: the route files build their handlers from
// these (lib/http/api-route.ts) and the OpenAPI description is made from them (openapi.ts), so
// the two cannot differ. A test checks that every route file under app/api/v1 is here.

export interface TV1Operation {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Under /api/v1, in OpenAPI's form: /conversations/{id}. */
  path: string;
  summary: string;
  description?: string;
  scope: TApiScope;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** The answer's status: 200 unless said. */
  status?: number;
  /** Takes an Idempotency-Key. */
  idempotent?: boolean;
  /**
   * Error statuses it answers beyond those of every operation of its kind (404 for one with an
   * id in its address, 409 for one that writes): 404 for an account named in the query.
   */
  alsoAnswers?: readonly number[];
}

export const V1 = {
  listAccounts: {
    method: "GET",
    path: "/accounts",
    summary: "List the Instagram accounts the token may reach",
    scope: "conversations:read",
    response: ZV1AccountList,
  },
  listConversations: {
    method: "GET",
    path: "/conversations",
    summary: "List conversations",
    description: "The inbox's list, with its filters and orders, in keyset pages (pass nextCursor as cursor).",
    scope: "conversations:read",
    query: ZV1ConversationQuery,
    response: ZV1ConversationList,
  },
  getConversation: {
    method: "GET",
    path: "/conversations/{id}",
    summary: "Get a conversation",
    description: "A conversation of an account the token may not reach answers 404, as a missing one does.",
    scope: "conversations:read",
    params: ZIdParams,
    response: ZV1Conversation,
  },
  listMessages: {
    method: "GET",
    path: "/conversations/{id}/messages",
    summary: "List a conversation's messages, newest first",
    scope: "conversations:read",
    params: ZIdParams,
    query: ZV1MessageQuery,
    response: ZV1MessageList,
  },
  sendMessage: {
    method: "POST",
    path: "/conversations/{id}/messages",
    summary: "Send a message",
    description:
      "Queued for the outbox as an agent's reply is, signed 'via API: <token name>', after the same checks: " +
      "Instagram's limits (400), the 24-hour window and the handover (409). Its status then follows the outbox " +
      "and CM's reports. With an Idempotency-Key, a retry answers the first answer and sends nothing more.",
    scope: "messages:write",
    params: ZIdParams,
    body: ZV1SendMessage,
    response: ZV1Message,
    status: 201,
    idempotent: true,
  },
  setStatus: {
    method: "POST",
    path: "/conversations/{id}/status",
    summary: "Resolve, reopen or snooze a conversation",
    description:
      "`{ status: OPEN | RESOLVED }` or `{ status: SNOOZED, until: <ISO time within a year> }`. The thread gets a " +
      "line naming the token ('Resolved by <name> (API)'); reports count the resolution for no agent. Setting the status it " +
      "has changes nothing.",
    scope: "conversations:write",
    params: ZIdParams,
    body: ZStatusBody,
    response: ZV1Conversation,
  },
  handOver: {
    method: "POST",
    path: "/conversations/{id}/handover",
    summary: "Hand a bot's conversation to the team",
    description:
      "For a bot token (Admin → API tokens, 'This token is a bot'): the conversation leaves the bot (`bot` becomes " +
      "null) and joins the team's unassigned queue, with a line in the thread. 409 when no bot holds it (an agent " +
      "took it, or it was handed over already). The inbox also hands over by itself when the customer taps " +
      "HUMAN_AGENT or the bot stays silent for its silence time.",
    scope: "conversations:write",
    params: ZIdParams,
    response: ZV1Conversation,
  },
  assign: {
    method: "POST",
    path: "/conversations/{id}/assignee",
    summary: "Assign a conversation to an agent, or to nobody",
    description:
      "`{ assigneeId: <user id> | null, expectedAssigneeId?: <user id> | null }`: the agent must see the account " +
      "(400 otherwise); with expectedAssigneeId, 409 when someone else holds it now.",
    scope: "conversations:write",
    params: ZIdParams,
    body: ZAssignBody,
    response: ZV1Conversation,
  },
  listNotes: {
    method: "GET",
    path: "/conversations/{id}/notes",
    summary: "List a conversation's private notes, newest first",
    scope: "conversations:read",
    params: ZIdParams,
    query: ZV1MessageQuery,
    response: ZV1NoteList,
  },
  addNote: {
    method: "POST",
    path: "/conversations/{id}/notes",
    summary: "Write a private note",
    description:
      "`{ text }` (at most 5000 characters): a note in the thread for the team, never sent to the customer, whatever " +
      "the 24-hour window. Signed 'via API: <token name>'; `@name` mentions an agent who may see the conversation, " +
      "who is told as when an agent mentions them. With an Idempotency-Key, a retry answers the first answer.",
    scope: "messages:write",
    params: ZIdParams,
    body: ZV1AddNote,
    response: ZV1Message,
    status: 201,
    idempotent: true,
  },
  listLabels: {
    method: "GET",
    path: "/labels",
    summary: "List the labels",
    scope: "conversations:read",
    response: ZV1LabelList,
  },
  addLabel: {
    method: "POST",
    path: "/conversations/{id}/labels",
    summary: "Put a label on a conversation",
    description:
      "`{ labelId }`; 404 for a label that does not exist. Putting on a label it has changes nothing. Answers the " +
      "conversation with its labels.",
    scope: "conversations:write",
    params: ZIdParams,
    body: ZV1AddLabel,
    response: ZV1Conversation,
  },
  removeLabel: {
    method: "DELETE",
    path: "/conversations/{id}/labels/{labelId}",
    summary: "Take a label off a conversation",
    description: "Taking off a label it does not have changes nothing. Answers the conversation with its labels.",
    scope: "conversations:write",
    params: ZConversationLabelParams,
    response: ZV1Conversation,
  },
  getContact: {
    method: "GET",
    path: "/contacts/{id}",
    summary: "Get a contact",
    description: "A conversation's `contact.id` names its contact. Another account's contact answers 404.",
    scope: "conversations:read",
    params: ZIdParams,
    response: ZV1Contact,
  },
  saveContactNotes: {
    method: "PATCH",
    path: "/contacts/{id}",
    summary: "Save a contact's notes",
    description:
      "`{ notes, notesUpdatedAt? }`: the notes whole (at most 5000 characters). With notesUpdatedAt as the contact " +
      "showed it, 409 when someone saved since (nothing is written); without it, this save wins.",
    scope: "conversations:write",
    params: ZIdParams,
    body: ZV1SaveContactNotes,
    response: ZV1Contact,
  },
  listSavedReplies: {
    method: "GET",
    path: "/saved-replies",
    summary: "List the saved replies",
    description: "The team's saved replies, by code; `content` is sent as a message's content is.",
    scope: "conversations:read",
    response: ZV1SavedReplyList,
  },
  search: {
    method: "GET",
    path: "/search",
    summary: "Search contacts and messages",
    description:
      "The inbox's search over the token's accounts: every word of `q` must start a word of a contact's name or " +
      "@username, or of a message (notes included). Contacts come on the first page only; messages newest first, " +
      "further pages by cursor.",
    scope: "conversations:read",
    query: ZV1SearchQuery,
    response: ZV1SearchResults,
  },
  reportOverview: {
    method: "GET",
    path: "/reports/overview",
    summary: "The reports' overview: figures, series and heatmap",
    description:
      "Reports → Overview's figures over the token's accounts, beside the previous period's. An accountId the " +
      "token may not reach answers 404. Times are seconds, shares 0 to 1 (see the README's Reports).",
    scope: "reports:read",
    query: ZV1ReportQuery,
    response: ZV1ReportOverview,
    alsoAnswers: [404],
  },
} as const satisfies Record<string, TV1Operation>;
