import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases";
import { createTestAccount } from "../../testing/factories";
import { customerWrites, type TWritten } from "../../testing/search-fixture";
import { backfillSearchVectors, SEARCH_VECTOR_BACKFILL } from "./backfill-search-vectors";
import { searchConversations } from "./search-conversations";

describeEachDatabase("message search vectors", (ctx) => {
  const t0 = Date.parse("2026-03-01T10:00:00Z");
  const at = (minutes: number) => new Date(t0 + minutes * 60_000);
  const written: TWritten[] = [];

  /** Each message's stored words, and what folding its text gives, by id, oldest first. */
  const vectors = () =>
    ctx.db.sql.query<{ id: string; stored: string | null; folded: string | null }>(
      `SELECT "id", "searchVector"::text AS stored, to_tsvector('simple', search_fold("searchText"))::text AS folded
       FROM "Message" WHERE "kind" <> 'SYSTEM' ORDER BY "sentAt", "id"`,
    );
  /** As the messages of an install upgraded from before the column: no stored words, backfill to do. */
  const forgetVectors = async () => {
    await ctx.db.sql.query(`UPDATE "Message" SET "searchVector" = NULL`);
    await ctx.db.sql.query(
      `UPDATE "BackfillCursor" SET "beforeAt" = NULL, "beforeId" = NULL, "done" = false WHERE "name" = $1`,
      [SEARCH_VECTOR_BACKFILL],
    );
  };
  const search = async (query: string) =>
    (await searchConversations(ctx.db.prisma, { query, accountIds: null, limit: 20 })).messages.map(
      (hit) => hit.message.id,
    );

  beforeAll(async () => {
    const shop = (await createTestAccount(ctx.db.prisma, { displayName: "Backfill shop" })).id;
    for (let i = 0; i < 7; i++) {
      const customer = { igsid: `30000${i}`, name: `Customer ${i}`, username: `customer${i}` };
      written.push(await customerWrites(ctx.db.prisma, shop, customer, `Zürich ${i} bitte, order number ${i}`, at(i)));
    }
  });

  it("are stored when a message is written and when its words change", async () => {
    const rows = await vectors();
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(row.stored).toBe(row.folded);
    expect(rows[0]?.stored).toContain("'zurich'");
    const first = written[0]?.messageId;
    await ctx.db.sql.query(`UPDATE "Message" SET "searchText" = 'Zürich instead' WHERE "id" = $1`, [first]);
    const [changed] = await vectors();
    expect(changed?.stored).toBe("'instead':2 'zurich':1");
    await ctx.db.sql.query(`UPDATE "Message" SET "searchText" = NULL WHERE "id" = $1`, [first]);
    expect((await vectors())[0]?.stored).toBeNull();
    await ctx.db.sql.query(`UPDATE "Message" SET "searchText" = 'Zürich 0 bitte, order number 0' WHERE "id" = $1`, [
      first,
    ]);
  });

  it("is done in one round when every message already has its words (a history written after the migration)", async () => {
    await ctx.db.sql.query(
      `UPDATE "BackfillCursor" SET "beforeAt" = NULL, "beforeId" = NULL, "done" = false WHERE "name" = $1`,
      [SEARCH_VECTOR_BACKFILL],
    );
    // Seven messages, batches of three: each would be a round of its own if filled ones counted.
    expect(await backfillSearchVectors(ctx.db.prisma, { batch: 3 })).toEqual({ filled: 0, busy: false });
    const cursor = await ctx.db.sql.query<{ done: boolean }>(`SELECT "done" FROM "BackfillCursor" WHERE "name" = $1`, [
      SEARCH_VECTOR_BACKFILL,
    ]);
    expect(cursor[0]?.done).toBe(true);
  });

  it("fills only the messages without words, wherever they are among the others", async () => {
    await ctx.db.sql.query(
      `UPDATE "BackfillCursor" SET "beforeAt" = NULL, "beforeId" = NULL, "done" = false WHERE "name" = $1`,
      [SEARCH_VECTOR_BACKFILL],
    );
    const gaps = [written[1]?.messageId, written[4]?.messageId];
    await ctx.db.sql.query(`UPDATE "Message" SET "searchVector" = NULL WHERE "id" = ANY($1::text[])`, [gaps]);
    expect(await backfillSearchVectors(ctx.db.prisma, { batch: 3 })).toEqual({ filled: 2, busy: false });
    for (const row of await vectors()) expect(row.stored).toBe(row.folded);
  });

  it("are backfilled newest first, a batch per round, and search finds every message meanwhile", async () => {
    await forgetVectors();
    const everyOrder = [...written].reverse().map((w) => w.messageId);
    expect(await search("order")).toEqual(everyOrder);

    expect(await backfillSearchVectors(ctx.db.prisma, { batch: 3 })).toEqual({ filled: 3, busy: true });
    const filled = (await vectors()).map((row) => row.stored !== null);
    expect(filled).toEqual([false, false, false, false, true, true, true]);
    expect(await search("order")).toEqual(everyOrder);

    expect(await backfillSearchVectors(ctx.db.prisma, { batch: 3 })).toEqual({ filled: 3, busy: true });
    expect(await backfillSearchVectors(ctx.db.prisma, { batch: 3 })).toEqual({ filled: 1, busy: false });
    for (const row of await vectors()) expect(row.stored).toBe(row.folded);
    // Done: later rounds find nothing to do.
    expect(await backfillSearchVectors(ctx.db.prisma, { batch: 3 })).toEqual({ filled: 0, busy: false });
    expect(await search("zurich bitte")).toEqual(everyOrder);
  });

  it("does a batch that failed half-way again, whole, on the next round", async () => {
    await forgetVectors();
    await backfillSearchVectors(ctx.db.prisma, { batch: 3 });
    // The second batch (messages 3, 2 and 1 by age) fails at its second message: as a crash
    // in the middle of the batch would, its transaction takes back what it had done.
    const failing = written[2]?.messageId ?? "";
    await ctx.db.sql.query(
      `ALTER TABLE "Message" ADD CONSTRAINT "test_backfill_fails" CHECK ("searchVector" IS NULL OR "id" <> '${failing}') NOT VALID`,
    );
    try {
      await expect(backfillSearchVectors(ctx.db.prisma, { batch: 3 })).rejects.toThrow();
      expect((await vectors()).map((row) => row.stored !== null)).toEqual([
        false,
        false,
        false,
        false,
        true,
        true,
        true,
      ]);
    } finally {
      await ctx.db.sql.query(`ALTER TABLE "Message" DROP CONSTRAINT "test_backfill_fails"`);
    }
    expect(await backfillSearchVectors(ctx.db.prisma, { batch: 3 })).toEqual({ filled: 3, busy: true });
    expect(await backfillSearchVectors(ctx.db.prisma, { batch: 3 })).toEqual({ filled: 1, busy: false });
    for (const row of await vectors()) expect(row.stored).toBe(row.folded);
  });
});

describeEachDatabase(
  "message search vectors, several instances",
  (ctx) => {
    it("leaves the round to another instance that holds the cursor", async () => {
      const shop = (await createTestAccount(ctx.db.prisma, { displayName: "Two instances" })).id;
      const customer = { igsid: "310001", name: "Customer", username: "customer" };
      for (let i = 0; i < 4; i++) await customerWrites(ctx.db.prisma, shop, customer, `hello ${i}`, new Date(i * 1000));
      await ctx.db.sql.query(`UPDATE "Message" SET "searchVector" = NULL`);
      const pool = ctx.db.pool;
      if (!pool) throw new Error("PostgreSQL has a pool");
      const other = await pool.connect();
      try {
        await other.query("BEGIN");
        await other.query(`SELECT 1 FROM "BackfillCursor" WHERE "name" = $1 FOR UPDATE`, [SEARCH_VECTOR_BACKFILL]);
        expect(await backfillSearchVectors(ctx.db.prisma, { batch: 3 })).toEqual({ filled: 0, busy: false });
        await other.query("ROLLBACK");
      } finally {
        other.release();
      }
      expect(await backfillSearchVectors(ctx.db.prisma, { batch: 3 })).toEqual({ filled: 3, busy: true });
    });
  },
  { postgresOnly: true },
);
