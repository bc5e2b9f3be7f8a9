import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  ZCreatedHookEndpoint,
  ZHookAttemptList,
  ZHookEndpointAnswer,
  ZHookEndpointList,
  ZHookSent,
  type TCreateHookEndpoint,
  type THookEndpoint,
} from "../hooks/schemas";
import { fetchJson, sendJson } from "../http/fetch-json";

export const webhookKeys = {
  all: ["webhooks"] as const,
  list: () => [...webhookKeys.all, "list"] as const,
  attempts: (id: string) => [...webhookKeys.all, "attempts", id] as const,
};

const base = (id: string) => `/api/admin/webhooks/${encodeURIComponent(id)}`;

/** Every webhook endpoint (Admin → Webhooks), newest first. */
export const webhooksQuery = queryOptions({
  queryKey: webhookKeys.list(),
  queryFn: async () => (await fetchJson("/api/admin/webhooks", ZHookEndpointList)).endpoints,
  // The counts and an endpoint turned off move with deliveries in the background.
  refetchInterval: 5000,
});

/** An endpoint's delivery log, refreshed while open (tries happen in the background). */
export const webhookAttemptsQuery = (id: string) =>
  queryOptions({
    queryKey: webhookKeys.attempts(id),
    queryFn: async () => (await fetchJson(`${base(id)}/attempts`, ZHookAttemptList)).attempts,
    refetchInterval: 3000,
  });

/** A new endpoint and its signing secret, which no later answer carries. */
export async function createWebhook(input: TCreateHookEndpoint): Promise<{ endpoint: THookEndpoint; secret: string }> {
  return sendJson("POST", "/api/admin/webhooks", ZCreatedHookEndpoint, input);
}

export async function setWebhookEnabled(id: string, enabled: boolean): Promise<THookEndpoint> {
  return (await sendJson("PATCH", base(id), ZHookEndpointAnswer, { enabled })).endpoint;
}

export async function removeWebhook(id: string): Promise<void> {
  await sendJson("DELETE", base(id), z.object({ removed: z.literal(true) }));
}

export async function sendWebhookTest(id: string): Promise<string> {
  return (await sendJson("POST", `${base(id)}/test`, ZHookSent)).deliveryId;
}

export async function resendWebhookDelivery(id: string, deliveryId: string): Promise<string> {
  return (await sendJson("POST", `${base(id)}/deliveries/${encodeURIComponent(deliveryId)}/resend`, ZHookSent))
    .deliveryId;
}

/** The list with this endpoint put in (a new one on top) or replaced. */
export function upsertWebhook(list: THookEndpoint[] | undefined, endpoint: THookEndpoint): THookEndpoint[] | undefined {
  if (!list) return list;
  return list.some((e) => e.id === endpoint.id)
    ? list.map((e) => (e.id === endpoint.id ? endpoint : e))
    : [endpoint, ...list];
}
