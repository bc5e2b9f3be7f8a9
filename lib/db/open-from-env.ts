import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { TEnv } from "../env";
import { openDatabase, type TDatabase } from "./client";
import { applyMigrations, pendingMigrations } from "./migrate";

/**
 * Applies migrations to PostgreSQL over a connection of its own. The schema engine holds
 * Prisma's advisory lock on its session until that session ends: closing this one-off
 * connection releases it, so a second instance starting beside the first does not wait forever.
 */
async function migratePostgres(url: string): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    if ((await pendingMigrations(async (sql) => (await pool.query(sql)).rows)).length === 0) return [];
    return await applyMigrations(new PrismaPg(pool));
  } finally {
    await pool.end();
  }
}

/** Opens the database the environment names and brings its schema up to date. */
export async function openMigratedDatabase(
  env: Pick<TEnv, "DATABASE_URL" | "DATA_DIR">,
): Promise<{ db: TDatabase; applied: string[] }> {
  const applied = env.DATABASE_URL ? await migratePostgres(env.DATABASE_URL) : [];
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const pending = env.DATABASE_URL ? [] : await pendingMigrations((sql) => db.prisma.$queryRawUnsafe(sql));
    if (pending.length > 0) applied.push(...(await applyMigrations(db.adapter)));
    return { db, applied };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Where the data lives, for log lines: never the URL's password. */
export function describeDatabase(env: Pick<TEnv, "DATABASE_URL" | "DATA_DIR">): string {
  if (!env.DATABASE_URL) return `embedded PGlite in ${env.DATA_DIR}`;
  const url = new URL(env.DATABASE_URL);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
