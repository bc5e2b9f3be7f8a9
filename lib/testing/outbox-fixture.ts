import { randomBytes } from "node:crypto";
import { createSecretBox } from "../crypto/secret-box";
import type { PrismaClient } from "../db/generated/client";
import { resolveOutbox, type TOutbox, type TOutboxOptions } from "../pipeline/outbox/outbox-deps";
import { sendMessage } from "../server/messages/send-message";

// Seeds what the outbox needs (an account pointed at a fake CM, customers inside their reply
// window, an agent) and gives tests an outbox on a clock they move by hand.

export const TEST_PRODUCT_TOKEN = "11111111-2222-3333-4444-555555555555";

export interface TTestClock {
  now: () => Date;
  advance: (ms: number) => void;
}

export function testClock(start = new Date()): TTestClock {
  let at = start.getTime();
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

export async function seedOutboxAccount(prisma: PrismaClient, cmUrl: string) {
  const tokens = createSecretBox("s".repeat(64), "cm-product-token");
  const igAccountId = String(17841400000000000n + BigInt(randomBytes(3).readUIntBE(0, 3)));
  const account = await prisma.instagramAccount.create({
    data: {
      igAccountId,
      displayName: "Shop",
      productTokenEncrypted: tokens.encrypt(TEST_PRODUCT_TOKEN),
      productTokenLast4: "5555",
      webhookSecret: randomBytes(24).toString("base64url"),
      cmBaseUrl: cmUrl,
    },
  });
  const email = `agent-${randomBytes(4).toString("hex")}@x.com`;
  const author = await prisma.user.create({ data: { email, name: "Agent" } });

  /** A customer who just wrote, so the reply window is open. */
  const startConversation = async (igsid = String(6_000_000_000 + randomBytes(3).readUIntBE(0, 3))) => {
    const contact = await prisma.contact.create({ data: { accountId: account.id, igsid } });
    const now = new Date();
    const conversation = await prisma.conversation.create({
      data: { accountId: account.id, contactId: contact.id, lastMessageAt: now, lastInboundAt: now },
    });
    return { conversationId: conversation.id, igsid };
  };

  /** Without a clock, the real one. The jitter is fixed at half the ceiling. */
  const outbox = (clock?: TTestClock, options: Partial<TOutboxOptions> = {}, client = prisma): TOutbox =>
    resolveOutbox({
      prisma: client,
      tokens,
      cmBaseUrl: "http://127.0.0.1:1",
      // The fake CM listens on this machine, as the account's own gateway.
      cmGateway: { allowPrivate: true },
      ...(clock ? { clock: clock.now } : {}),
      random: () => 0.5,
      options,
    });

  const reply = async (conversationId: string, text: string, now = new Date()) =>
    (await sendMessage(prisma, { conversationId, authorId: author.id, content: { kind: "text", text }, now })).message;

  return { account, tokens, author, startConversation, outbox, reply };
}

/** The `reference` and text of each request the fake CM received, in order. */
export function sentTexts(requests: { body: unknown }[]): { reference: string; text: string }[] {
  return requests.map((r) => {
    const msg = (r.body as { messages: { msg: { reference: string; body?: { content?: string } }[] } }).messages.msg[0];
    return { reference: msg?.reference ?? "", text: msg?.body?.content ?? "" };
  });
}
