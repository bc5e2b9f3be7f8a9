import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { openDatabase, type TDatabase, type TDatabaseKind } from "../db/client";
import { MIGRATIONS_DIR, applyMigrations } from "../db/migrate";
import { TEST_POSTGRES_URL, createScratchPostgres, postgresReachable } from "./scratch-postgres";

// Database tests run twice: on the embedded PGlite and on a real PostgreSQL server.
// Each suite gets a fresh, migrated database of its own and drops it afterwards.

const hasPostgres = await postgresReachable();
if (!hasPostgres) {
  console.warn(
    `NOTICE: no PostgreSQL at ${TEST_POSTGRES_URL}: the PostgreSQL half of the database tests is skipped. ` +
      "Set TEST_DATABASE_URL to run it.",
  );
}

export interface TTestDatabase {
  readonly db: TDatabase;
}

/** What a test database is migrated to: every migration, or those before `migratedBefore`. */
export interface TTestMigrations {
  /**
   * A folder name in prisma/migrations: the database is migrated up to it, not including it, as
   * a release before it left it, for testing what that migration does to the data found
   * (`applyMigrations(db.adapter)` then applies it and every later one).
   */
  migratedBefore?: string;
}

/**
 * A fresh, migrated database of `kind` (PGlite in memory, or a scratch PostgreSQL database);
 * `close` drops it. For a test's child process, which cannot share its parent's.
 */
export async function openTestDatabase(
  kind: TDatabaseKind,
  { migratedBefore }: TTestMigrations = {},
): Promise<{ db: TDatabase; close: () => Promise<void> }> {
  const scratch = kind === "postgres" ? await createScratchPostgres() : undefined;
  const db = await openDatabase(scratch ? { url: scratch.url, dataDir: "" } : { dataDir: "memory://" });
  if (migratedBefore === undefined) await applyMigrations(db.adapter);
  else await applyMigrationsBefore(db, migratedBefore);
  return {
    db,
    async close() {
      await db.close();
      await scratch?.drop();
    },
  };
}

/** Applies the migrations whose folder sorts before `migration`, from a copy holding only them. */
async function applyMigrationsBefore(db: TDatabase, migration: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "migrations-"));
  try {
    await cp(join(MIGRATIONS_DIR, "migration_lock.toml"), join(dir, "migration_lock.toml"));
    for (const name of await readdir(MIGRATIONS_DIR)) {
      if (name < migration && !name.endsWith(".toml"))
        await cp(join(MIGRATIONS_DIR, name), join(dir, name), { recursive: true });
    }
    await applyMigrations(db.adapter, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Declares `body` once per database kind. Inside, `ctx.db` is a migrated, empty database
 * shared by the suite's tests.
 */
export function describeEachDatabase(
  name: string,
  body: (ctx: TTestDatabase) => void,
  {
    postgresOnly = false,
    migratedBefore,
  }: TTestMigrations & {
    /** Only PostgreSQL, for what exists only there (the driver-level intake round, the fast lane). */
    postgresOnly?: boolean;
  } = {},
): void {
  for (const kind of postgresOnly ? (["postgres"] as const) : (["pglite", "postgres"] as const)) {
    const run = kind === "postgres" && !hasPostgres ? describe.skip : describe;
    run(`${name} [${kind}]`, () => {
      let db: TDatabase | undefined;
      let close: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        ({ db, close } = await openTestDatabase(kind, { migratedBefore }));
      });
      afterAll(async () => {
        await close?.();
      });
      body({
        get db() {
          if (!db) throw new Error("database not ready");
          return db;
        },
      });
    });
  }
}
