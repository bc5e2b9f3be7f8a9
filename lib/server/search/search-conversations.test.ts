import { beforeAll, describe, expect, it, vi } from "vitest";
import { Prisma } from "../../db/generated/client";
import { foldForSearch } from "../../search/fold";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { agentReplies, customerWrites, type TWritten } from "../../testing/search-fixture";
import { accessibleAccountIds } from "../access/account-access";
import {
  FURTHER_MESSAGES,
  INDEX_ONLY_SETTINGS,
  RECENT_MESSAGES,
  furtherWalk,
  searchConversations,
  type TWalk,
} from "./search-conversations";
import { contactSearchSql, indexMatchesSql, recentContactsSql, recentMatchesSql } from "./search-sql";

describeEachDatabase("searchConversations", (ctx) => {
  const t0 = Date.parse("2026-01-01T10:00:00Z");
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);
  const jane = { igsid: "200001", name: "Jane Doe", username: "jane.doe" };
  const ana = { igsid: "200002", name: "Ana Müller", username: "ana_mueller" };
  const sam = { igsid: "200003", name: "Secret Sam", username: "sam.b" };
  let shopA: string;
  let shopB: string;
  let oldCake: TWritten;
  let reply: TWritten;
  let creme: TWritten;
  let secret: TWritten;
  let deleted: TWritten;
  let agentOfA: string[] | null;

  const search = (
    query: string,
    accountIds: readonly string[] | null = null,
    limit = 20,
    cursor?: string,
    walk?: TWalk,
  ) => searchConversations(ctx.db.prisma, { query, accountIds, limit, cursor, walk });
  const messageIds = (results: Awaited<ReturnType<typeof search>>) => results.messages.map((hit) => hit.message.id);
  const contactIds = (results: Awaited<ReturnType<typeof search>>) => results.contacts.map((c) => c.id);

  beforeAll(async () => {
    const prisma = ctx.db.prisma;
    shopA = (await createTestAccount(prisma, { displayName: "Shop A" })).id;
    shopB = (await createTestAccount(prisma, { displayName: "Shop B" })).id;
    oldCake = await customerWrites(prisma, shopA, jane, "Do you still have the chocolate cake from Saturday?", at(0));
    // Many later messages, so the one above is far back in the conversation.
    for (let i = 1; i <= 30; i++) await customerWrites(prisma, shopA, jane, `later message number ${i}`, at(i));
    reply = await agentReplies(prisma, oldCake.conversationId, "Yes! We also ship to Zürich on Fridays.", at(40));
    creme = await customerWrites(prisma, shopA, ana, "Un café crème, s'il vous plaît", at(50));
    secret = await customerWrites(prisma, shopB, sam, "My chocolate secret recipe", at(60));
    deleted = await customerWrites(prisma, shopA, ana, "chocolate fondue for twelve", at(70));
    await prisma.message.update({ where: { id: deleted.messageId }, data: { deletedAt: at(71) } });
    // A system line never matches, even if it somehow carried words.
    await prisma.message.create({
      data: {
        conversationId: creme.conversationId,
        direction: "INTERNAL",
        kind: "SYSTEM",
        content: { event: "resolved" },
        status: "RECEIVED",
        sentAt: at(80),
        searchText: "resolved systemword",
      },
    });

    // Sparse matches for the walks: "step tick" is every third of thirty, the newest last.
    const tess = { igsid: "200004", name: "Tess Walker", username: "tess.w" };
    for (let i = 1; i <= 30; i++) {
      await customerWrites(prisma, shopA, tess, `step ${i}${i % 3 === 0 ? " tick" : ""}`, at(100 + i));
    }

    const agent = await prisma.user.create({ data: { email: "member-of-a@example.com", name: "Ada", role: "agent" } });
    await prisma.accountMember.create({ data: { accountId: shopA, userId: agent.id } });
    agentOfA = await accessibleAccountIds(prisma, { id: agent.id, role: "agent" });
  });

  it("finds a conversation by its contact's name and @username, and the username's parts", async () => {
    expect(contactIds(await search("jane"))).toEqual([oldCake.conversationId]);
    expect(contactIds(await search("@jane.doe"))).toEqual([oldCake.conversationId]);
    expect(contactIds(await search("mueller"))).toEqual([creme.conversationId]);
    const [contact] = (await search("Doe")).contacts;
    expect(contact).toMatchObject({ contactName: "Jane Doe", username: "jane.doe", accountName: "Shop A" });
  });

  it("finds an old customer message and an agent's reply by a word, with the conversation and a snippet", async () => {
    const cake = await search("cake");
    expect(messageIds(cake)).toEqual([oldCake.messageId]);
    expect(cake.messages[0]).toMatchObject({
      conversation: {
        id: oldCake.conversationId,
        contactName: "Jane Doe",
        username: "jane.doe",
        accountName: "Shop A",
      },
      message: {
        direction: "INBOUND",
        sentAt: at(0).toISOString(),
        snippet: "Do you still have the chocolate cake from Saturday?",
      },
    });
    const ship = await search("ship");
    expect(ship.messages.map((hit) => [hit.message.id, hit.message.direction])).toEqual([
      [reply.messageId, "OUTBOUND"],
    ]);
  });

  it("matches words by their start, in any case and without accents", async () => {
    expect(messageIds(await search("choc"))).toEqual([secret.messageId, oldCake.messageId]);
    expect(messageIds(await search("CHOCOLATE"))).toEqual([secret.messageId, oldCake.messageId]);
    expect(messageIds(await search("zurich"))).toEqual([reply.messageId]);
    expect(messageIds(await search("ZÜR"))).toEqual([reply.messageId]);
    expect(messageIds(await search("creme cafe"))).toEqual([creme.messageId]);
    expect(contactIds(await search("muller"))).toEqual([creme.conversationId]);
    expect((await search("Café")).terms).toEqual(["cafe"]);
  });

  it("needs every word to match", async () => {
    expect(messageIds(await search("chocolate cake"))).toEqual([oldCake.messageId]);
    expect(messageIds(await search("chocolate recipe"))).toEqual([secret.messageId]);
    expect(messageIds(await search("chocolate banana"))).toEqual([]);
    expect(contactIds(await search("jane sam"))).toEqual([]);
  });

  it("never finds a deleted message or a system line", async () => {
    expect(messageIds(await search("fondue"))).toEqual([]);
    expect(messageIds(await search("chocolate twelve"))).toEqual([]);
    expect(messageIds(await search("systemword"))).toEqual([]);
  });

  it("finds only conversations of the accounts the agent is a member of", async () => {
    expect(agentOfA).toEqual([shopA]);
    expect(messageIds(await search("chocolate", agentOfA))).toEqual([oldCake.messageId]);
    expect(contactIds(await search("sam", agentOfA))).toEqual([]);
    expect(messageIds(await search("secret", agentOfA))).toEqual([]);
    // The admin (null: every account) finds them.
    expect(contactIds(await search("sam"))).toEqual([secret.conversationId]);
    expect(await search("chocolate", [])).toMatchObject({ contacts: [], messages: [] });
    expect(await search("chocolate", [shopB])).toMatchObject({
      contacts: [],
      messages: [{ message: { id: secret.messageId } }],
    });
  });

  it("walks further when the first walk found some of the page, and then needs no word index", async () => {
    // The ten newest messages hold three of "step tick" (30, 27, 24); at that rate the other
    // three of the page (and one more, to know there is a next page) are within 2 × 10 more
    // messages, where the second walk finds 21, 18 and 15.
    const queries = vi.spyOn(ctx.db.prisma, "$queryRaw");
    try {
      const page = await search("step tick", null, 5, undefined, { recent: 10, further: 100 });
      const statements = queries.mock.calls.map(([sql]) => (sql as Prisma.Sql).sql);
      // Two walks of messages, and no statement through the word index (fenced by OFFSET 0).
      expect(statements.filter((sql) => sql.includes('FROM "Message" m') && sql.includes("LIMIT"))).toHaveLength(2);
      expect(statements.some((sql) => sql.includes("OFFSET 0"))).toBe(false);
      expect(page.messages.map((hit) => hit.message.snippet)).toEqual(
        [30, 27, 24, 21, 18].map((n) => `step ${n} tick`),
      );
      expect(page.nextCursor).not.toBeNull();
    } finally {
      queries.mockRestore();
    }
  });

  it("finds the same messages whatever the walks' sizes, page after page", async () => {
    const walks: TWalk[] = [
      { recent: 0, further: 0 }, // the word index alone
      { recent: 1, further: 0 },
      { recent: 3, further: 1000 },
      { recent: 10, further: 14 },
      { recent: 10, further: 100 },
      { recent: RECENT_MESSAGES, further: FURTHER_MESSAGES },
    ];
    const allPages = async (query: string, accountIds: readonly string[] | null, limit: number, walk: TWalk) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await search(query, accountIds, limit, cursor, walk);
        ids.push(...messageIds(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    for (const query of ["step tick", "step", "later", "chocolate", "message number 3", "ship"]) {
      for (const accountIds of [null, agentOfA, [shopB]]) {
        for (const limit of [4, 9, 20]) {
          const expected = await allPages(query, accountIds, limit, walks[0] as TWalk);
          for (const walk of walks.slice(1)) {
            expect(await allPages(query, accountIds, limit, walk), `${query} ${limit} ${JSON.stringify(walk)}`).toEqual(
              expected,
            );
          }
        }
      }
    }
    expect(await allPages("step tick", null, 4, { recent: 10, further: 100 })).toHaveLength(10);
  });

  it("pages through messages newest first without gaps or repeats", async () => {
    const first = await search("later message", null, 12);
    expect(first.nextCursor).not.toBeNull();
    expect(first.contacts).toEqual([]);
    const rest = await search("later message", null, 12, first.nextCursor ?? undefined);
    const third = await search("later message", null, 12, rest.nextCursor ?? undefined);
    expect(third.nextCursor).toBeNull();
    const sentAts = [...first.messages, ...rest.messages, ...third.messages].map((hit) => hit.message.sentAt);
    expect(sentAts).toEqual(Array.from({ length: 30 }, (_, i) => at(30 - i).toISOString()));
    await expect(search("later", null, 12, "forged")).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("treats any input as words, never as query syntax", async () => {
    const hostile = [
      "'",
      "''",
      "&|!:*()",
      "\\",
      "a\\'b",
      "chocolate' | 'recipe",
      "!chocolate",
      "(chocolate",
      "chocolate:*",
      "<->",
      "x".repeat(200),
      "'".repeat(200),
      "Ω≈ç√∫˜µ≤≥÷ 🍫🎂",
      "%_",
      "\u0000",
      "choc\u0000olate",
      "\ud800 lone half of a pair",
    ];
    for (const input of hostile) {
      const results = await search(input);
      expect(results, input).toMatchObject({ contacts: expect.any(Array), messages: expect.any(Array) });
    }
    expect(await search("&|!:*()")).toEqual({ terms: [], contacts: [], messages: [], nextCursor: null });
    expect(messageIds(await search("(chocolate)"))).toEqual([secret.messageId, oldCake.messageId]);
    expect(messageIds(await search("chocolate' | 'recipe"))).toEqual([secret.messageId]);
  });

  it("folds text in the database as the browser's highlighting does", async () => {
    for (const sample of ["Zürich", "CAFÉ crème", "Łódź Ørsted", "ﬁne 𝓱𝓮𝓵𝓵𝓸", "naïve", "plain ascii"]) {
      const [row] = await ctx.db.prisma.$queryRaw<{ folded: string }[]>`SELECT search_fold(${sample}) AS folded`;
      expect(row?.folded.toLowerCase(), sample).toBe(foldForSearch(sample));
    }
  });

  it("is answered from the search indexes", async () => {
    const plan = (sql: Prisma.Sql, settings: readonly string[] = ["SET LOCAL enable_seqscan = off"]) =>
      ctx.db.prisma.$transaction(async (tx) => {
        for (const setting of settings) await tx.$executeRawUnsafe(setting);
        const rows = await tx.$queryRaw<Record<string, string>[]>(Prisma.sql`EXPLAIN ${sql}`);
        return rows.map((row) => Object.values(row).join("")).join("\n");
      });
    const scope = { accountIds: null, before: undefined };
    // The walk, newest first, for a common word.
    expect(await plan(recentMatchesSql("'chocolate':*", scope, 20, 2000))).toContain("Message_search_recent_idx");
    expect(await plan(recentContactsSql("'jane':*", null, 5, 1000))).toContain("Conversation_lastMessageAt_idx");
    // The word indexes, for a rare one, as searchConversations runs them.
    const indexed = await plan(indexMatchesSql("'chocolate':* & 'cake':*", scope, 20), INDEX_ONLY_SETTINGS);
    expect(indexed).toContain("Message_search_idx");
    expect(indexed).not.toContain("Message_search_recent_idx");
    expect(await plan(contactSearchSql("'jane':*", null, 5), INDEX_ONLY_SETTINGS)).toContain("Contact_search_idx");
  });
});

describe("furtherWalk", () => {
  const walk = { recent: 10_000, further: 50_000 };
  it("walks twice as far as the first walk's rate says the rest of the page needs", () => {
    // 14 of 21 in 10,000: the other 7 are expected within 5,000 more.
    expect(furtherWalk(14, 21, walk)).toBe(10_000);
    expect(furtherWalk(20, 21, walk)).toBe(2 * 500);
  });
  it("leaves a rare word to the word index: none found, or the page too far at that rate", () => {
    expect(furtherWalk(0, 21, walk)).toBe(0);
    // 5 of 21: 16 more expected within 32,000, twice that is past 50,000.
    expect(furtherWalk(5, 21, walk)).toBe(0);
    expect(furtherWalk(21, 21, walk)).toBe(0);
  });
});
