import type { TDatabase } from "./client";

/** Arbitrary, fixed: the advisory lock under which instances do their start-up work. */
const STARTUP_LOCK_KEY = 847_201_113;

/**
 * Runs start-up work (first admin, demo seeding) under a PostgreSQL advisory lock, so
 * several instances starting together do it once: the second waits, then finds it done.
 * The embedded PGlite serves one process only, so there is nobody to wait for.
 */
export async function withStartupLock<T>(db: Pick<TDatabase, "pool">, work: () => Promise<T>): Promise<T> {
  if (!db.pool) return work();
  const client = await db.pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [STARTUP_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
