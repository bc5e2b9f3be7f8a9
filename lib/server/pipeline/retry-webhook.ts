import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TFailingWebhook } from "../../webhooks/pipeline-status";
import { toFailingWebhook } from "./get-pipeline-status";
import type { TFailingRow } from "./pipeline-queries";

/**
 * "Retry now": a FAILED webhook, or one waiting for its next try, becomes due at once. Its
 * attempts are kept, so one that still cannot be applied is set aside again after one try
 * instead of eight. The caller wakes the intake processor. While the processor applies it,
 * its row lock makes this statement wait and then see the new state: a webhook applied
 * meanwhile is refused, never queued again.
 */
export async function retryWebhook(
  prisma: PrismaClient,
  { id, now }: { id: string; now: Date },
): Promise<TFailingWebhook> {
  const [retried] = await prisma.$queryRaw<TFailingRow[]>`
    UPDATE "WebhookEvent" SET "state" = 'PENDING', "availableAt" = ${now}
    WHERE "id" = ${id} AND "state" IN ('FAILED', 'PENDING')
    RETURNING "id", "kind"::text, "state"::text, "receivedAt", "attempts", "lastError", "availableAt"`;
  if (retried) return toFailingWebhook(retried);
  const webhook = await prisma.webhookEvent.findUnique({ where: { id }, select: { state: true } });
  if (!webhook) throw new AppError("NOT_FOUND", "This webhook does not exist (any more).");
  throw new AppError(
    "CONFLICT",
    webhook.state === "DONE"
      ? "This webhook was already applied: there is nothing to retry."
      : "This webhook waits for the message it refers to and is applied when that message arrives: there is nothing to retry.",
  );
}
