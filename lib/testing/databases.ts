import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { openDatabase, type TDatabase } from "../db/client";
import { applyMigrations } from "../db/migrate";

// Database tests run twice: on the embedded PGlite and on a real PostgreSQL server.
// Each suite gets a fresh, migrated database of its own and drops it afterwards.

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const hasPostgres = await postgresReachable();
if (!hasPostgres) {
  console.warn(
    `NOTICE: no PostgreSQL at ${TEST_POSTGRES_URL}: the PostgreSQL half of the database tests is skipped. ` +
      "Set TEST_DATABASE_URL to run it.",
  );
}

/** Creates an empty PostgreSQL database and returns its URL and a function that drops it. */
export async function createScratchPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TTestDatabase {
  readonly db: TDatabase;
}

/**
 * Declares `body` once per database kind. Inside, `ctx.db` is a migrated, empty database
 * shared by the suite's tests.
 */
export function describeEachDatabase(name: string, body: (ctx: TTestDatabase) => void): void {
  for (const kind of ["pglite", "postgres"] as const) {
    const run = kind === "postgres" && !hasPostgres ? describe.skip : describe;
    run(`${name} [${kind}]`, () => {
      let db: TDatabase | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        if (kind === "postgres") {
          const scratch = await createScratchPostgres();
          drop = scratch.drop;
          db = await openDatabase({ url: scratch.url, dataDir: "" });
        } else {
          db = await openDatabase({ dataDir: "memory://" });
        }
        await applyMigrations(db.adapter);
      });
      afterAll(async () => {
        await db?.close();
        await drop?.();
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
