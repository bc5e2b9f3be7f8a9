import type { z } from "zod";
import type { TApiScope } from "../api-tokens/schemas";
import { ZAssignBody, ZStatusBody } from "../conversations/schemas";
import { ZIdParams } from "../http/route-params";
import {
  ZV1AccountList,
  ZV1Conversation,
  ZV1ConversationList,
  ZV1ConversationQuery,
  ZV1Message,
  ZV1MessageList,
  ZV1MessageQuery,
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
} as const satisfies Record<string, TV1Operation>;
