import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { preparedName } from "./prepared";
import { PrismaClient } from "./generated/client";

export type TDatabaseKind = "pglite" | "postgres";

/**
 * Plain SQL straight to the driver (pg's pool or PGlite), for the few hot statements where
 * Prisma's per-query work showed in profiles (storing a webhook). Values are bound as
 * parameters; pass times as ISO strings and cast them in SQL.
 */
export interface TSql {
  query<T>(text: string, values?: unknown[]): Promise<T[]>;
}

export interface TDatabase {
  kind: TDatabaseKind;
  prisma: PrismaClient;
  sql: TSql;
  /** The driver adapter, for the schema engine (migrations). */
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /** The app's pg pool on PostgreSQL; undefined on PGlite. */
  pool: pg.Pool | undefined;
  /**
   * A small pool of its own for socket.io's PostgreSQL adapter (its LISTEN connection and a
   * NOTIFY per event), so live events never wait behind the app's queries, nor they behind it.
   */
  eventsPool: pg.Pool | undefined;
  close(): Promise<void>;
}

export interface TDatabaseOptions {
  /** A postgres:// URL; when absent the embedded PGlite database is used. */
  url?: string | undefined;
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
}

export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by another process (pid ${pid}). ` +
        "Stop it first, or point DATA_DIR elsewhere; to run several instances use PostgreSQL (DATABASE_URL).",
    );
    this.name = "DatabaseLockedError";
  }
}

/** Opens the configured database: PostgreSQL when a URL is given, otherwise PGlite. */
export async function openDatabase(options: TDatabaseOptions): Promise<TDatabase> {
  if (options.url) {
    // A server that is down or unreachable fails a request in 5 s instead of hanging it.
    const poolOptions = { connectionString: options.url, connectionTimeoutMillis: 5000 };
    // No JIT: every statement here is short, and PostgreSQL's JIT compiles a report's plan
    // (its estimate for a year of facts is large) for a second before a 100 ms answer.
    const pool = new pg.Pool({ ...poolOptions, max: 10, options: "-c jit=off" });
    // Live events are NOTIFYs: nothing to keep after a crash, so they never wait for a disk flush.
    const eventsPool = new pg.Pool({ ...poolOptions, max: 3, options: "-c synchronous_commit=off" });
    // A connection the server closed (restart, failover) must not crash the process: the
    // pool replaces an idle one on the next query, a query in flight fails with the error,
    // and a checked-out client (socket.io's LISTEN connection) sees "end" and reconnects.
    // Without these listeners, pg's "error" event would be an uncaught exception.
    for (const p of [pool, eventsPool]) {
      p.on("error", () => {});
      p.on("connect", (client) => client.on("error", () => {}));
    }
    const adapter = new PrismaPg(pool);
    const prisma = new PrismaClient({ adapter });
    return {
      kind: "postgres",
      prisma,
      sql: { query: async (text, values) => (await pool.query({ name: preparedName(text), text, values })).rows },
      adapter,
      pool,
      eventsPool,
      async close() {
        await prisma.$disconnect();
        await Promise.all([pool.end(), eventsPool.end()]);
      },
    };
  }

  const inMemory = options.dataDir.startsWith("memory://");
  const dir = inMemory ? options.dataDir : resolve(options.dataDir, "pglite");
  const releaseLock = inMemory ? () => {} : lockDataDir(resolve(options.dataDir));
  try {
    // Loaded only for the embedded database: PGlite's module alone takes ~50 MB of memory.
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("pglite-prisma-adapter"),
    ]);
    const client = await PGlite.create(dir, { serializers: BYTEA_SERIALIZER, parsers: BYTEA_PARSER });
    const adapter = new PrismaPGlite(client);
    const prisma = new PrismaClient({ adapter });
    return {
      kind: "pglite",
      prisma,
      sql: { query: async <T>(text: string, values?: unknown[]) => (await client.query<T>(text, values)).rows },
      adapter,
      pool: undefined,
      eventsPool: undefined,
      async close() {
        await prisma.$disconnect();
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

// PGlite's own bytea handling builds one JS string (or number) per byte: storing an 8 MB image
// took >200 MB of heap and killed `npm start` (--max-old-space-size=192). Bytes are sent as a
// binary parameter instead (ArrayBuffer views go out as-is, off the JS heap), and a value read
// back is decoded from its hex text in one step.
const BYTEA_OID = 17;
const BYTEA_SERIALIZER = { [BYTEA_OID]: (value: unknown) => value as string };
const BYTEA_PARSER = { [BYTEA_OID]: (hex: string) => Buffer.from(hex.slice(2), "hex") };

// PGlite is a single-process database: two processes writing the same folder would corrupt
// it. A pid file turns that mistake into a clear error instead of lost data.
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, "pglite.lock");
  try {
    const pid = Number(readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) throw new DatabaseLockedError(dataDir, pid);
  } catch (error) {
    if (error instanceof DatabaseLockedError) throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
