import type { TEnv } from "../env";
import { openDatabase, type TDatabase } from "./client";
import { applyMigrations } from "./migrate";

/** Opens the database the environment names and brings its schema up to date. */
export async function openMigratedDatabase(
  env: Pick<TEnv, "DATABASE_URL" | "DATA_DIR">,
): Promise<{ db: TDatabase; applied: string[] }> {
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    const applied = await applyMigrations(db.adapter);
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
