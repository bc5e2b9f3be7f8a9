import pg from "pg";

// What a database holds, read with plain SQL (no Prisma client: the schema may be an older
// release's). The upgrade fixtures record it; the upgrade test checks every row is still there.

const QUERIES = {
  users: `SELECT "id", "email", "role"::text AS "role" FROM "User" ORDER BY "id"`,
  accounts: `SELECT "id", "igAccountId", "displayName", "productTokenLast4", "webhookSecret" FROM "InstagramAccount" ORDER BY "id"`,
  contacts: `SELECT "id", "igsid", "name", "username" FROM "Contact" ORDER BY "id"`,
  conversations: `SELECT "id", "accountId", "contactId", "status"::text AS "status", "assigneeId" FROM "Conversation" ORDER BY "id"`,
  messages: `SELECT "id", "conversationId", "direction"::text AS "direction", "kind"::text AS "kind",
    "status"::text AS "status", "content"::text AS "content" FROM "Message" ORDER BY "id"`,
  uploads: `SELECT "id", "mimeType", "size", "sha256" FROM "Upload" ORDER BY "id"`,
  labels: `SELECT "id", "name", "color" FROM "Label" ORDER BY "id"`,
  conversationLabels: `SELECT "conversationId", "labelId" FROM "ConversationLabel" ORDER BY 1, 2`,
  savedReplies: `SELECT "id", "code", "title", "content"::text AS "content" FROM "SavedReply" ORDER BY "id"`,
  agentSettings: `SELECT "userId", "notifyDesktop", "notifySound", "notifyTitle" FROM "AgentSettings" ORDER BY "userId"`,
  memberships: `SELECT "accountId", "userId" FROM "AccountMember" ORDER BY 1, 2`,
  migrations: `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL ORDER BY 1`,
} as const;

export type TSnapshot = Record<keyof typeof QUERIES, Record<string, unknown>[]>;

type TQuery = (sql: string) => Promise<Record<string, unknown>[]>;

async function snapshotWith(query: TQuery): Promise<TSnapshot> {
  const snapshot: Partial<TSnapshot> = {};
  // One after another: a pg client runs one query at a time.
  for (const [name, sql] of Object.entries(QUERIES)) snapshot[name as keyof TSnapshot] = await query(sql);
  return snapshot as TSnapshot;
}

/** Reads a PostgreSQL database. */
export async function snapshotPostgres(url: string): Promise<TSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await snapshotWith(async (sql) => (await client.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await client.end();
  }
}

/** Reads an embedded database's folder (DATA_DIR/pglite); the app must be stopped. */
export async function snapshotPglite(pgliteDir: string): Promise<TSnapshot> {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(pgliteDir);
  try {
    return await snapshotWith(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await db.close();
  }
}
