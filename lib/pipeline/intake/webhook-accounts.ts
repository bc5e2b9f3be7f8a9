import type { PrismaClient } from "../../db/generated/client";
import type { TWebhookAccount } from "./parse-webhook";

/** Our webhook secrets are 32 random bytes in base64url; anything else cannot be one. */
const SECRET_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

export interface TWebhookAccounts {
  /** The account a webhook URL's secret belongs to, or null (→ 401). */
  find(secret: string): Promise<TWebhookAccount | null>;
  /** The secret was refused when storing (rotated meanwhile): look it up again next time. */
  forget(secret: string): void;
}

/**
 * Which account a webhook URL belongs to, remembered for a few seconds so a burst does not
 * look it up once per webhook. Safe because storing re-checks the secret in the same
 * statement (store-webhook.ts): a rotated secret is refused at once, cache or not.
 */
export function createWebhookAccounts(prisma: PrismaClient, ttlMs = 10_000): TWebhookAccounts {
  const cache = new Map<string, { account: TWebhookAccount; until: number }>();
  return {
    async find(secret) {
      if (!SECRET_SHAPE.test(secret)) return null;
      const hit = cache.get(secret);
      if (hit && hit.until > Date.now()) return hit.account;
      const account = await prisma.instagramAccount.findUnique({
        where: { webhookSecret: secret },
        select: { id: true, igAccountId: true },
      });
      if (!account) {
        cache.delete(secret);
        return null;
      }
      if (cache.size > 10_000) cache.clear();
      cache.set(secret, { account, until: Date.now() + ttlMs });
      return account;
    },
    forget(secret) {
      cache.delete(secret);
    },
  };
}
