import { inboundEventDedupeKey, inboundMessageDedupeKey, statusReportDedupeKey } from "../../cm/dedupe-key";
import { parseInboundEvent } from "../../cm/schemas/inbound-event";
import { parseInboundMessage } from "../../cm/schemas/inbound-message";
import { parseStatusReports } from "../../cm/schemas/status-report";
import type { Prisma, PrismaClient, WebhookKind } from "../../db/generated/client";
import { AppError } from "../../errors";
import { applyDeliveryReport } from "../messages/apply-delivery-report";
import { noEffects, type TEffects } from "./effects";
import { ingestEvent } from "./ingest-event";
import { ingestMessage } from "./ingest-message";

export const WEBHOOK_KINDS = ["messages", "events", "status-reports"] as const;
export type TWebhookKind = (typeof WEBHOOK_KINDS)[number];

export interface TWebhookResult {
  /** How many deliveries in the body were new (a status-report body may carry several). */
  stored: number;
  duplicates: number;
  /** Stored but waiting for the message they refer to. */
  pending: number;
  effects: TEffects;
}

export interface TWebhookAccount {
  id: string;
  igAccountId: string;
}

/** The account a webhook URL's secret belongs to; 401 for a secret we do not know. */
export async function findWebhookAccount(prisma: PrismaClient, secret: string): Promise<TWebhookAccount> {
  const account = await prisma.instagramAccount.findUnique({
    where: { webhookSecret: secret },
    select: { id: true, igAccountId: true },
  });
  if (!account) throw new AppError("UNAUTHORIZED", "Unknown webhook URL: check it in the admin page.");
  return account;
}

interface TUnit {
  kind: WebhookKind;
  dedupeKey: string;
  cmReference: string | null;
  payload: unknown;
  apply: (tx: Prisma.TransactionClient, effects: TEffects) => Promise<boolean>;
}

/**
 * Stores one CM webhook and its effect in a single transaction, before we answer 200 (CM
 * retries anything else). A delivery seen before, by its dedupe key, changes nothing. The
 * payload must concern the account whose secret the URL carries.
 */
export async function receiveWebhook(
  prisma: PrismaClient,
  { account, kind, body }: { account: TWebhookAccount; kind: TWebhookKind; body: unknown },
): Promise<TWebhookResult> {
  const units = parseUnits(kind, body, account);
  const result: TWebhookResult = { stored: 0, duplicates: 0, pending: 0, effects: noEffects() };
  for (const unit of units) {
    try {
      await prisma.$transaction(async (tx) => {
        const seen = await tx.webhookEvent.findUnique({
          where: { kind_dedupeKey: { kind: unit.kind, dedupeKey: unit.dedupeKey } },
        });
        if (seen) {
          result.duplicates++;
          return;
        }
        const effects = noEffects();
        const applied = await unit.apply(tx, effects);
        await tx.webhookEvent.create({
          data: {
            accountId: account.id,
            kind: unit.kind,
            dedupeKey: unit.dedupeKey,
            cmReference: unit.cmReference,
            payload: JSON.stringify(unit.payload),
            processedAt: applied ? new Date() : null,
            state: applied ? "DONE" : "WAITING",
          },
        });
        result.stored++;
        if (!applied) result.pending++;
        mergeEffects(result.effects, effects);
      });
    } catch (error) {
      // Two copies of one delivery racing: the second loses on the webhook's unique key, and
      // only that is a duplicate. Any other clash is an error, so CM retries (issue 8).
      if (isUniqueViolation(error) && (await alreadyStored(prisma, unit))) result.duplicates++;
      else throw error;
    }
  }
  return result;
}

function parseUnits(kind: TWebhookKind, body: unknown, account: TWebhookAccount): TUnit[] {
  const mustBeOurs = (to: string) => {
    if (to !== account.igAccountId) {
      throw new AppError("FORBIDDEN", `This payload is for Instagram account ${to}, not the one this URL belongs to.`);
    }
  };
  if (kind === "messages") {
    const parsed = parseInboundMessage(body);
    if (!parsed.ok) throw new AppError("BAD_REQUEST", `Not a CM inbound message: ${parsed.error}`);
    const mo = parsed.value;
    mustBeOurs(mo.to);
    const dedupeKey = inboundMessageDedupeKey(mo);
    return [
      {
        kind: "MESSAGE",
        dedupeKey,
        cmReference: mo.messageId,
        payload: body,
        apply: async (tx, effects) => {
          await ingestMessage(tx, { accountId: account.id, mo, dedupeKey }, effects);
          return true;
        },
      },
    ];
  }
  if (kind === "events") {
    const parsed = parseInboundEvent(body);
    if (!parsed.ok) throw new AppError("BAD_REQUEST", `Not a CM event: ${parsed.error}`);
    const event = parsed.value;
    mustBeOurs(event.to);
    return [
      {
        kind: "EVENT",
        dedupeKey: inboundEventDedupeKey(event),
        cmReference: event.detail.type === "MessageDelete" ? event.detail.messageReference : null,
        payload: body,
        apply: (tx, effects) => ingestEvent(tx, { accountId: account.id, event }, effects),
      },
    ];
  }
  const parsed = parseStatusReports(body);
  if (!parsed.ok) throw new AppError("BAD_REQUEST", `Not a CM status report: ${parsed.error}`);
  return parsed.value.map((report) => ({
    kind: "STATUS_REPORT" as const,
    dedupeKey: statusReportDedupeKey(report),
    cmReference: report.reference,
    payload: body,
    apply: (tx: Prisma.TransactionClient, effects: TEffects) =>
      applyDeliveryReport(tx, { accountId: account.id, report }, effects),
  }));
}

function mergeEffects(into: TEffects, from: TEffects): void {
  into.conversations.push(...from.conversations);
  into.createdMessages.push(...from.createdMessages);
  into.updatedMessages.push(...from.updatedMessages);
}

async function alreadyStored(prisma: PrismaClient, unit: TUnit): Promise<boolean> {
  const seen = await prisma.webhookEvent.findUnique({
    where: { kind_dedupeKey: { kind: unit.kind, dedupeKey: unit.dedupeKey } },
    select: { id: true },
  });
  return seen !== null;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
