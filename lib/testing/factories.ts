import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient, WebhookKind, WebhookState } from "../db/generated/client";

/** The columns a test account needs (the first migration's), with a fresh ID and webhook secret. */
function testAccountFields(overrides: { igAccountId?: string; displayName?: string } = {}) {
  return {
    igAccountId: overrides.igAccountId ?? String(17841400000000000n + BigInt(randomBytes(3).readUIntBE(0, 3))),
    displayName: overrides.displayName ?? "Test shop",
    productTokenEncrypted: "v1.test",
    productTokenLast4: "5555",
    webhookSecret: randomBytes(32).toString("base64url"),
  };
}

/** An Instagram account row for tests that need one (its token is not a real encryption). */
export async function createTestAccount(
  prisma: PrismaClient,
  overrides: { igAccountId?: string; displayName?: string } = {},
) {
  return prisma.instagramAccount.create({ data: testAccountFields(overrides) });
}

/**
 * An Instagram account row inserted with the columns of the first migration only, for the upgrade
 * tests that run on a database migrated up to an older release: the client's create would name
 * columns that later releases added (they all have defaults).
 */
export async function insertTestAccountAsOfInit(prisma: PrismaClient): Promise<{ id: string }> {
  const id = randomUUID();
  const f = testAccountFields();
  await prisma.$executeRaw`
    INSERT INTO "InstagramAccount"
      ("id", "igAccountId", "displayName", "productTokenEncrypted", "productTokenLast4", "webhookSecret", "updatedAt")
    VALUES (${id}, ${f.igAccountId}, ${f.displayName}, ${f.productTokenEncrypted}, ${f.productTokenLast4},
      ${f.webhookSecret}, now())`;
  return { id };
}

/** A stored webhook row as the intake leaves it (DONE unless told); the payload column is raw text. */
export function createTestWebhook(
  prisma: PrismaClient,
  accountId: string,
  row: {
    kind: WebhookKind;
    receivedAt: Date;
    state?: WebhookState;
    attempts?: number;
    lastError?: string;
    availableAt?: Date;
    payload?: string;
  },
) {
  return prisma.webhookEvent.create({
    data: {
      accountId,
      dedupeKey: randomUUID(),
      payload: "{}",
      orderKey: `${accountId}:6543210987654321`,
      state: "DONE",
      availableAt: row.receivedAt,
      ...row,
    },
  });
}
