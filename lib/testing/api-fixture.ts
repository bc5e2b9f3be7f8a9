import type { TDatabase } from "../db/client";
import { setRuntime, type TRuntime } from "../runtime";
import { seedOutboxAccount } from "./outbox-fixture";
import { createTestRuntime } from "./test-runtime";

/**
 * For the public API's tests (app/api/v1): the runtime its routes read (a generous rate limit),
 * a shop with a conversation the tests' tokens reach, and another account's conversation they
 * must not. The caller clears the runtime after (setRuntime(undefined)).
 */
export async function seedApiShops(db: TDatabase): Promise<{
  runtime: TRuntime;
  shop: Awaited<ReturnType<typeof seedOutboxAccount>>;
  conversation: string;
  foreign: string;
}> {
  const runtime = createTestRuntime(db, { apiRateLimit: 1000 });
  setRuntime(runtime);
  const shop = await seedOutboxAccount(db.prisma, "http://127.0.0.1:1");
  const other = await seedOutboxAccount(db.prisma, "http://127.0.0.1:1");
  const conversation = (await shop.startConversation()).conversationId;
  const foreign = (await other.startConversation()).conversationId;
  return { runtime, shop, conversation, foreign };
}
