import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { createSecretBox } from "../../crypto/secret-box";
import type { PrismaClient } from "../../db/generated/client";
import { describeEachDatabase } from "../../testing/databases";
import { startHookReceiver, type THookReceiver } from "../../testing/hook-receiver";
import { seedOutboxAccount, testClock, type TTestClock } from "../../testing/outbox-fixture";
import { setConversationStatus } from "../conversations/set-conversation-status";
import { deliverHooks, HOOK_RETRY_WINDOW_MS, type TDeliverOptions } from "./deliver-hooks";
import { createHookEndpoint, updateHookEndpoint } from "./endpoints";
import { resendHookDelivery, sendHookTestEvent, listHookAttempts } from "./hook-deliveries";
import { prepareHookEvents } from "./prepare-hook-events";
import { HOOK_HISTORY_DAYS, sweepHookHistory } from "./sweep-hook-history";

// Outgoing webhooks end to end below HTTP routes (issue 21): triggers write events in the
// changes' transactions, the worker prepares and delivers them to a receiver that verifies
// every signature and deduplicates by webhook-id.

const secrets = createSecretBox("s".repeat(64), "webhook-signing-secret");

describeEachDatabase("outgoing webhooks", (ctx) => {
  let receiver: THookReceiver;
  let prisma: PrismaClient;
  let clock: TTestClock;
  let shop: Awaited<ReturnType<typeof seedOutboxAccount>>;

  const options = (extra: Partial<TDeliverOptions> = {}): TDeliverOptions => ({
    secrets,
    allowLocal: true,
    now: clock.now,
    timeoutMs: 2000,
    ...extra,
  });

  /** Prepares and delivers until nothing is due now. */
  const drain = async (extra: Partial<TDeliverOptions> = {}) => {
    for (let round = 0; round < 50; round++) {
      const prepared = await prepareHookEvents(prisma, { now: clock.now() });
      const tried = await deliverHooks(prisma, options(extra));
      if (prepared === 0 && tried === 0) return;
    }
    throw new Error("the hooks never went idle");
  };

  const addEndpoint = async (
    extra: { includeNotes?: boolean; accounts?: "all" | string[]; events?: string[] } = {},
  ) => {
    const created = await createHookEndpoint(
      prisma,
      {
        url: receiver.url,
        description: "CRM",
        events: (extra.events ?? [
          "conversation.created",
          "conversation.updated",
          "message.created",
          "message.updated",
          "contact.updated",
          "survey.answered",
        ]) as never,
        includeNotes: extra.includeNotes ?? false,
        accounts: extra.accounts ?? "all",
      },
      { createdById: shop.author.id, secrets, rules: { allowLocal: true } },
    );
    receiver.secret = created.secret;
    return created.endpoint;
  };

  const inbound = (conversationId: string, text: string) =>
    prisma.message.create({
      data: {
        conversationId,
        direction: "INBOUND",
        kind: "TEXT",
        content: { text },
        status: "RECEIVED",
        sentAt: clock.now(),
      },
      select: { id: true },
    });

  beforeAll(async () => {
    prisma = ctx.db.prisma;
    shop = await seedOutboxAccount(prisma, "http://127.0.0.1:1");
  });
  beforeEach(async () => {
    clock = testClock();
    receiver = await startHookReceiver();
  });
  afterEach(async () => {
    await receiver.close();
    await prisma.hookEndpoint.deleteMany();
    await prisma.hookEvent.deleteMany();
  });
  afterAll(async () => {});

  it("writes no event while no endpoint is enabled, and none for a change rolled back", async () => {
    const before = await prisma.hookEvent.count();
    await shop.startConversation();
    expect(await prisma.hookEvent.count()).toBe(before);

    await addEndpoint();
    const { conversationId } = await shop.startConversation();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.message.create({
          data: {
            conversationId,
            direction: "INBOUND",
            kind: "TEXT",
            content: { text: "lost" },
            status: "RECEIVED",
            sentAt: new Date(),
          },
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const types = (await prisma.hookEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["conversation.created"]);
  });

  it("delivers a scripted scenario signed, exactly the events that happened, in order per conversation", async () => {
    const endpoint = await addEndpoint();
    const a = await shop.startConversation();
    const b = await shop.startConversation();
    const first = await inbound(a.conversationId, "Where is my parcel?");
    await inbound(b.conversationId, "Hello");
    const reply = await shop.reply(a.conversationId, "It left today");
    await prisma.message.update({ where: { id: reply.id }, data: { status: "DELIVERED" } });
    // Not told: the fields webhooks do not carry.
    await prisma.conversation.update({ where: { id: a.conversationId }, data: { lastMessagePreview: "x" } });
    await setConversationStatus(prisma, {
      conversationId: a.conversationId,
      actor: { id: shop.author.id, role: "admin", name: "Agent" },
      change: { status: "RESOLVED" },
    });
    const label = await prisma.label.create({ data: { name: `vip-${Date.now()}`, color: "#ff0000" } });
    await prisma.conversationLabel.create({ data: { conversationId: b.conversationId, labelId: label.id } });
    const contact = await prisma.conversation.findUniqueOrThrow({
      where: { id: b.conversationId },
      select: { contactId: true },
    });
    await prisma.contact.update({ where: { id: contact.contactId }, data: { notes: "Prefers email" } });
    await prisma.message.update({ where: { id: first.id }, data: { deletedAt: new Date() } });

    await drain();
    expect(receiver.badSignatures).toBe(0);
    const of = (id: string) =>
      receiver.received.filter((h) => h.conversationId === id).map((h) => [h.type, h.body.data.changes] as const);
    expect(of(a.conversationId)).toEqual([
      ["conversation.created", null],
      ["message.created", { kind: "TEXT", status: "RECEIVED" }],
      ["message.created", { kind: "TEXT", status: "QUEUED" }],
      ["message.updated", { status: "DELIVERED" }],
      ["conversation.updated", { status: "RESOLVED" }],
      // (The thread's line "Resolved by Agent" is not sent: it is the inbox's, as notes are.)
      ["message.updated", { deletedAt: expect.any(String) }],
    ]);
    expect(of(b.conversationId)).toEqual([
      ["conversation.created", null],
      ["message.created", { kind: "TEXT", status: "RECEIVED" }],
      ["conversation.updated", { labelAdded: label.id }],
      ["contact.updated", { notes: "Prefers email" }],
    ]);
    // Each payload carries the resource as the API returns it.
    const sent = receiver.received.find((h) => h.type === "message.created" && h.body.data.object?.["id"] === reply.id);
    expect(sent?.body.data.object).toMatchObject({ id: reply.id, direction: "OUTBOUND", authorName: "Agent" });
    expect(sent?.body.data.object).not.toHaveProperty("clientId");
    const resolved = receiver.received.find(
      (h) => h.type === "conversation.updated" && h.conversationId === a.conversationId,
    );
    expect(resolved?.body.data.object).toMatchObject({ id: a.conversationId, status: "RESOLVED" });
    expect(resolved?.body.data.object).not.toHaveProperty("unreadCount");
    // The log has one attempt per delivery, all 200.
    const attempts = await listHookAttempts(prisma, endpoint.id);
    expect(attempts).toHaveLength(receiver.requests.length);
    expect(attempts.every((attempt) => attempt.status === 200 && attempt.deliveryState === "DELIVERED")).toBe(true);
  });

  it("retries a receiver that fails for a while, holding back the conversation's later events, and keeps the order", async () => {
    await addEndpoint();
    const { conversationId } = await shop.startConversation();
    await inbound(conversationId, "one");
    await inbound(conversationId, "two");
    receiver.answer(503, 503, 429, 500);
    for (let round = 0; round < 6; round++) {
      await drain();
      clock.advance(10 * 60_000);
    }
    await drain();
    expect(receiver.received.map((h) => h.type)).toEqual([
      "conversation.created",
      "message.created",
      "message.created",
    ]);
    expect(
      receiver.received.slice(1).map((h) => (h.body.data.object as { content: { text: string } }).content.text),
    ).toEqual(["one", "two"]);
    // While the first was retried, nothing after it was tried.
    expect(receiver.requests.slice(0, 5).every((r) => r.id === receiver.requests[0]?.id)).toBe(true);
  });

  it("delivers again after a worker died mid-delivery (its lease ran out): the receiver deduplicates by webhook-id", async () => {
    await addEndpoint();
    const { conversationId } = await shop.startConversation();
    await prepareHookEvents(prisma, { now: clock.now() });
    // A worker claims and posts, then dies before it records the outcome.
    await prisma.hookDelivery.updateMany({
      data: { leaseUntil: new Date(clock.now().getTime() + 60_000), attempts: 1 },
    });
    expect(await deliverHooks(prisma, options())).toBe(0);
    clock.advance(61_000);
    await drain();
    expect(receiver.received.map((h) => [h.type, h.conversationId])).toEqual([
      ["conversation.created", conversationId],
    ]);
  });

  it("fails a 4xx at once (not retried) and goes on with the next event", async () => {
    await addEndpoint();
    await shop.startConversation();
    receiver.answer(400);
    await drain();
    const failed = await prisma.hookDelivery.findFirstOrThrow({ where: { state: "FAILED" } });
    expect(failed.failReason).toContain("answered 400");
    expect(receiver.requests).toHaveLength(1);
    const { conversationId } = await shop.startConversation();
    await drain();
    expect(receiver.received.map((h) => h.conversationId)).toEqual([conversationId]);
  });

  it("disables an endpoint that answers 410 Gone, and one that failed for the whole retry window", async () => {
    const gone = await addEndpoint();
    await shop.startConversation();
    receiver.answer(410);
    await drain();
    let row = await prisma.hookEndpoint.findUniqueOrThrow({ where: { id: gone.id } });
    expect(row).toMatchObject({ enabled: false, disabledReason: "It answered 410 Gone." });
    await prisma.hookEndpoint.delete({ where: { id: gone.id } });

    const failing = await addEndpoint();
    await shop.startConversation();
    receiver.answer(...Array.from({ length: 40 }, () => 503));
    await drain();
    for (let hour = 0; hour < 80 && (await prisma.hookDelivery.count({ where: { state: "PENDING" } })) > 0; hour++) {
      await drain();
      clock.advance(3600_000);
    }
    row = await prisma.hookEndpoint.findUniqueOrThrow({ where: { id: failing.id } });
    expect(row.enabled).toBe(false);
    expect(row.disabledReason).toMatch(/kept failing for 3 days \(last: answered 503\)/);
    const delivery = await prisma.hookDelivery.findFirstOrThrow({ where: { endpointId: failing.id } });
    expect(delivery.state).toBe("FAILED");
    expect(clock.now().getTime() - (delivery.firstAttemptAt?.getTime() ?? 0)).toBeGreaterThan(
      HOOK_RETRY_WINDOW_MS - 8 * 3600_000,
    );

    // Turned back on (the receiver mended), a new change is delivered.
    receiver.recover();
    await updateHookEndpoint(prisma, failing.id, { enabled: true }, { rules: { allowLocal: true }, now: clock.now() });
    const { conversationId } = await shop.startConversation();
    await drain();
    expect(receiver.received.map((h) => h.conversationId)).toContain(conversationId);
  });

  it("sends notes only to endpoints that chose them, and an account's events only to endpoints of that account", async () => {
    const other = await seedOutboxAccount(prisma, "http://127.0.0.1:1");
    await addEndpoint({ accounts: [shop.account.id], events: ["message.created"] });
    const mine = await shop.startConversation();
    const theirs = await other.startConversation();
    await prisma.message.create({
      data: {
        conversationId: mine.conversationId,
        direction: "INTERNAL",
        kind: "NOTE",
        content: { text: "vip" },
        status: "RECEIVED",
        sentAt: new Date(),
      },
    });
    await inbound(mine.conversationId, "hi");
    await inbound(theirs.conversationId, "hi");
    await drain();
    expect(receiver.received.map((h) => [h.type, h.conversationId, h.body.data.changes?.["kind"]])).toEqual([
      ["message.created", mine.conversationId, "TEXT"],
    ]);
  });

  it("refuses private addresses at delivery time unless local targets are allowed", async () => {
    await addEndpoint();
    await shop.startConversation();
    await drain({ allowLocal: false });
    expect(receiver.requests).toHaveLength(0);
    const failed = await prisma.hookDelivery.findFirstOrThrow({ where: { state: "FAILED" } });
    expect(failed.failReason).toMatch(/refused: the URL is not https|private or local/);
  });

  it("sends a test event and resends a delivery with the same webhook-id", async () => {
    const endpoint = await addEndpoint();
    await sendHookTestEvent(prisma, endpoint.id, clock.now());
    await drain();
    expect(receiver.received.map((h) => h.type)).toEqual(["webhook.test"]);
    const [attempt] = await listHookAttempts(prisma, endpoint.id);
    await resendHookDelivery(prisma, endpoint.id, attempt?.deliveryId ?? "", clock.now());
    await drain();
    expect(receiver.requests.map((r) => r.id)).toEqual([attempt?.eventId, attempt?.eventId]);
    expect(receiver.received).toHaveLength(1);
  });

  it("sweeps settled history after a week, events nobody wanted after an hour, and never what is pending", async () => {
    await addEndpoint({ events: ["message.created"] });
    const { conversationId } = await shop.startConversation();
    await inbound(conversationId, "kept while pending");
    receiver.answer(503);
    await drain();
    const day = 24 * 3600_000;
    expect(await sweepHookHistory(prisma, new Date(Date.now() + 2 * 3600_000))).toBe(1); // conversation.created: unwanted
    expect(await sweepHookHistory(prisma, new Date(Date.now() + (HOOK_HISTORY_DAYS + 1) * day))).toBe(0); // pending
    clock.advance(60_000);
    await drain();
    expect(receiver.received).toHaveLength(1);
    expect(await sweepHookHistory(prisma, new Date(Date.now() + 2 * day))).toBe(0); // delivered, but recent
    expect(await sweepHookHistory(prisma, new Date(Date.now() + (HOOK_HISTORY_DAYS + 1) * day))).toBe(1);
    expect(await prisma.hookAttempt.count()).toBe(0);
  });
});
