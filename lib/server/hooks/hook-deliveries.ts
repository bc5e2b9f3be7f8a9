import type { Prisma, PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import { HOOK_TEST_EVENT, type THookAttempt } from "../../hooks/schemas";
import { hookMessageId, hookPayload } from "./prepare-hook-events";

// What an admin does with an endpoint's deliveries (Admin → Webhooks): read its log, send a
// test event, resend one delivery.

/** The endpoint's latest attempts, newest first, with the event each was for. */
export async function listHookAttempts(prisma: PrismaClient, endpointId: string, limit = 50): Promise<THookAttempt[]> {
  const found = await prisma.hookEndpoint.count({ where: { id: endpointId } });
  if (found === 0) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
  const rows = await prisma.hookAttempt.findMany({
    where: { endpointId },
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      at: true,
      status: true,
      latencyMs: true,
      error: true,
      response: true,
      delivery: { select: { id: true, state: true, event: { select: { id: true, type: true } } } },
    },
  });
  return rows.map((row) => ({
    id: String(row.id),
    deliveryId: String(row.delivery.id),
    eventId: hookMessageId(row.delivery.event.id),
    eventType: row.delivery.event.type,
    at: row.at.toISOString(),
    status: row.status,
    latencyMs: row.latencyMs,
    error: row.error,
    response: row.response,
    deliveryState: row.delivery.state,
  }));
}

async function assertEnabled(prisma: PrismaClient, endpointId: string): Promise<void> {
  const endpoint = await prisma.hookEndpoint.findUnique({ where: { id: endpointId }, select: { enabled: true } });
  if (!endpoint) throw new AppError("NOT_FOUND", "There is no such webhook endpoint.");
  if (!endpoint.enabled) throw new AppError("CONFLICT", "This endpoint is turned off: turn it on first.");
}

/** A `webhook.test` event, to this endpoint only, tried at once. */
export async function sendHookTestEvent(prisma: PrismaClient, endpointId: string, now = new Date()): Promise<string> {
  await assertEnabled(prisma, endpointId);
  return prisma.$transaction(async (tx) => {
    const event = await tx.hookEvent.create({
      data: { type: HOOK_TEST_EVENT, resourceId: endpointId, occurredAt: now, preparedAt: now },
      select: { id: true },
    });
    const payload = hookPayload(
      { id: event.id, type: HOOK_TEST_EVENT, occurredAt: now, changes: null },
      {
        accountId: null,
        conversationId: null,
        object: { endpointId, message: "A test event from Instagram Inbox: your endpoint receives our webhooks." },
      },
    );
    await tx.hookEvent.update({
      where: { id: event.id },
      // Plain JSON by construction (strings, null and the object above).
      data: { payload: payload as unknown as Prisma.InputJsonObject },
      select: { id: true },
    });
    const delivery = await tx.hookDelivery.create({
      data: { endpointId, eventId: event.id, orderKey: `test:${endpointId}`, nextAttemptAt: now },
      select: { id: true },
    });
    return String(delivery.id);
  });
}

/**
 * The event of one delivery, delivered again (a new delivery, same webhook-id, so a receiver
 * that has it already knows it), after the conversation's other pending ones.
 */
export async function resendHookDelivery(
  prisma: PrismaClient,
  endpointId: string,
  deliveryId: string,
  now = new Date(),
): Promise<string> {
  await assertEnabled(prisma, endpointId);
  let id: bigint;
  try {
    id = BigInt(deliveryId);
  } catch {
    throw new AppError("NOT_FOUND", "There is no such delivery.");
  }
  const original = await prisma.hookDelivery.findFirst({
    where: { id, endpointId },
    select: { eventId: true, orderKey: true, state: true },
  });
  if (!original) throw new AppError("NOT_FOUND", "There is no such delivery.");
  if (original.state === "PENDING") throw new AppError("CONFLICT", "This delivery is still being tried.");
  const delivery = await prisma.hookDelivery.create({
    data: { endpointId, eventId: original.eventId, orderKey: original.orderKey, nextAttemptAt: now },
    select: { id: true },
  });
  return String(delivery.id);
}
