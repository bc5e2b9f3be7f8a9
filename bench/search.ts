// The search benchmark, part of the database benchmark (bench/run.ts): seeds conversations and
// messages in a few set-based statements, with words drawn so that some are common and some
// rare, then times searches through searchConversations as the route calls it. Prints
// figures, asserts nothing. Target: p95 ≤ 100 ms on PostgreSQL at 10,000 / 200,000.
import type { TDatabase } from "../lib/db/client";
import { searchConversations } from "../lib/server/search/search-conversations";

const CONVERSATIONS = Number(process.env.BENCH_SEARCH_CONVERSATIONS ?? 10_000);
const MESSAGES = Number(process.env.BENCH_SEARCH_MESSAGES ?? 200_000);
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 40);

// Words customers and agents write, most frequent first: a word's index is drawn as n·r²
// (r uniform), so "thanks" is in about a quarter of the messages, "order" in one of ten and
// the accented words near the end in under one in a hundred. Two rare words are added apart.
export const WORDS = `hi thanks hello the my is please you can when where what i a to for it and have do
  order your we yes no ok how size price help shipping package tracking number delivery delivered
  today tomorrow week address payment card paid received return refund broken wrong colour color
  black white red blue green small medium large stock available cancel change exchange discount
  code sale photo picture link store open close hours gift voucher invoice receipt email phone name
  account instagram story post reel comment like follow shop chocolate cake coffee dress shoes
  jacket bag ring necklace earrings watch glasses hat scarf merci danke grazie obrigado pedido
  entrega bestellung livraison café crème größe zürich niño`
  .split(/\s+/)
  .filter(Boolean);
export const RARE = [
  { word: "zeppelin", every: 10_007 },
  { word: "quokka", every: 997 },
];
export const FIRST = `Maria Anna Sofia Emma Olivia Lucas Noah Liam Mateo Leon Amira Yusuf Mei Hiro Ana Zoë Chloé
  José Jürgen Søren Aisha Omar Fatima Ivan Olga Priya Ravi Chen Lin Kofi Ama Nia Diego Lucía Pablo`
  .split(/\s+/)
  .filter(Boolean);
export const LAST = `Garcia Smith Müller Rossi Dubois Silva Kowalski Nguyen Kim Tanaka Jensen Novak Popescu
  Haddad Okafor Mensah Fernández López Schmidt Weber Bianchi Martin Costa Santos Ivanova Patel`
  .split(/\s+/)
  .filter(Boolean);

export const sqlArray = (values: string[]) =>
  `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]::text[]`;

async function seed(db: TDatabase, messages: number): Promise<string[]> {
  const accounts = ["sa1", "sa2"];
  for (const [i, id] of accounts.entries()) {
    await db.prisma.instagramAccount.create({
      data: {
        id,
        igAccountId: `1784150000000000${i}`,
        displayName: `Search shop ${i + 1}`,
        productTokenEncrypted: "",
        productTokenLast4: "",
        webhookSecret: `search-bench-${i}`,
      },
    });
  }
  const now = Date.now();
  await db.sql.query(
    `INSERT INTO "Contact" ("id", "accountId", "igsid", "name", "username", "createdAt", "updatedAt")
     SELECT 'sc' || g, CASE WHEN g % 2 = 0 THEN 'sa1' ELSE 'sa2' END, (3000000000000000 + g)::text,
       f.first || ' ' || l.last, lower(f.first || '.' || l.last) || g, now(), now()
     FROM generate_series(0, $1 - 1) g
     CROSS JOIN LATERAL (SELECT (${sqlArray(FIRST)})[1 + (g * 7) % ${FIRST.length}] AS first) f
     CROSS JOIN LATERAL (SELECT (${sqlArray(LAST)})[1 + (g * 13 / 5) % ${LAST.length}] AS last) l`,
    [CONVERSATIONS],
  );
  await db.sql.query(
    `INSERT INTO "Conversation" ("id", "accountId", "contactId", "lastMessageAt", "createdAt", "updatedAt")
     SELECT 'sv' || g, CASE WHEN g % 2 = 0 THEN 'sa1' ELSE 'sa2' END, 'sc' || g, now(), now(), now()
     FROM generate_series(0, $1 - 1) g`,
    [CONVERSATIONS],
  );
  // 4 to 16 words each; a word's index is drawn as n·r³ (r uniform), so the front is frequent.
  await db.sql.query(
    `WITH words AS (SELECT ${sqlArray(WORDS)} AS w)
     INSERT INTO "Message" ("id", "conversationId", "direction", "kind", "content", "status", "sentAt",
       "createdAt", "updatedAt", "searchText")
     SELECT 'sm' || g, 'sv' || (g % $2),
       CASE WHEN g % 3 = 0 THEN 'OUTBOUND' ELSE 'INBOUND' END::"Direction", 'TEXT',
       jsonb_build_object('text', t.text), CASE WHEN g % 3 = 0 THEN 'DELIVERED' ELSE 'RECEIVED' END::"DeliveryStatus",
       to_timestamp($3 / 1000.0 - ($1 - g) * 90) AT TIME ZONE 'UTC', now(), now(), t.text
     FROM generate_series(1, $1) g
     CROSS JOIN LATERAL (
       SELECT string_agg(words.w[1 + floor(${WORDS.length} * power(random(), 2))::int], ' ')
         ${RARE.map(({ word, every }) => `|| CASE WHEN g % ${every} = 0 THEN ' ${word}' ELSE '' END`).join(" ")} AS text
       FROM words, generate_series(1, 4 + (g % 13))
     ) t`,
    [messages, CONVERSATIONS, now],
  );
  await db.sql.query(
    `UPDATE "Conversation" c SET "lastMessageAt" = m.last
     FROM (SELECT "conversationId", max("sentAt") AS last FROM "Message" WHERE "conversationId" LIKE 'sv%' GROUP BY 1) m
     WHERE m."conversationId" = c."id"`,
  );
  await db.sql.query(`ANALYZE`);
  return accounts;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** How many messages a query matches, to read each figure by. */
async function countMatches(db: TDatabase, query: string): Promise<number> {
  const [row] = await db.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Message"
     WHERE to_tsvector('simple', search_fold("searchText")) @@ (
       SELECT to_tsquery('simple', string_agg(quote_literal(lexeme) || ':*', ' & '))
       FROM unnest(to_tsvector('simple', search_fold($1))))
       AND "searchText" IS NOT NULL AND "deletedAt" IS NULL`,
    [query],
  );
  return row?.n ?? 0;
}

export async function benchSearch(label: string, db: TDatabase): Promise<void> {
  const started = performance.now();
  const [memberOf] = await seed(db, MESSAGES);
  console.log(
    `\n[${label}] search: seeded ${CONVERSATIONS} conversations and ${MESSAGES} messages of their own in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const cases: { name: string; query: string; accountIds?: string[] }[] = [
    { name: "rare word", query: "zeppelin" },
    { name: "uncommon word", query: "quokka" },
    { name: "common word", query: "order" },
    { name: "very common word", query: "thanks" },
    { name: "prefix", query: "deliv" },
    { name: "two words", query: "refund order" },
    { name: "contact name", query: "maria garcia" },
    { name: "without its accent", query: "zurich" },
    { name: "agent of one account", query: "order", accountIds: memberOf ? [memberOf] : [] },
  ];
  const all: number[] = [];
  for (const { name, query, accountIds } of cases) {
    const search = () => searchConversations(db.prisma, { query, accountIds: accountIds ?? null, limit: 20 });
    const warm = await search();
    const matches = await countMatches(db, query);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await search();
      times.push(performance.now() - t);
    }
    all.push(...times);
    times.sort((a, b) => a - b);
    console.log(
      `[${label}] search ${`"${query}"`.padEnd(16)} ${name.padEnd(22)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms, p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms` +
        ` (${matches} messages match; ${warm.contacts.length} contacts, ${warm.messages.length} messages shown)`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `[${label}] search, all ${all.length} timed: p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms` +
      (db.kind === "postgres" ? " (target p95 ≤ 100 ms)" : ""),
  );
}
