import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../db/generated/client";

/** An Instagram account row for tests that need one (its token is not a real encryption). */
export async function createTestAccount(
  prisma: PrismaClient,
  overrides: { igAccountId?: string; displayName?: string } = {},
) {
  return prisma.instagramAccount.create({
    data: {
      igAccountId: overrides.igAccountId ?? String(17841400000000000n + BigInt(randomBytes(3).readUIntBE(0, 3))),
      displayName: overrides.displayName ?? "Test shop",
      productTokenEncrypted: "v1.test",
      productTokenLast4: "5555",
      webhookSecret: randomBytes(32).toString("base64url"),
    },
  });
}
