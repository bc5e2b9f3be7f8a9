import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { APP_ROOT } from "../app-root";
import { createSchemaEngine } from "./schema-engine";

export const PRISMA_DIR = join(APP_ROOT, "prisma");
export const SCHEMA_PATH = join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = join(PRISMA_DIR, "migrations");

/** Reads prisma/migrations the way the Prisma CLI hands it to the schema engine. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: lockPath, content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(join(dir, name, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/** The names of the migrations this code ships, oldest first. */
export async function shippedMigrations(dir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * The migrations in prisma/migrations that `_prisma_migrations` does not record as applied.
 * Checked first, with one query, so that a start with nothing to apply never loads the
 * schema engine (its WebAssembly takes ~35 MB that would stay with the process).
 */
export async function pendingMigrations(
  query: (sql: string) => Promise<{ migration_name: string }[]>,
): Promise<string[]> {
  const { migrationDirectories } = await readMigrations();
  let applied: Set<string>;
  try {
    const rows = await query(
      `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
    );
    applied = new Set(rows.map((row) => row.migration_name));
  } catch {
    return migrationDirectories.map((d) => d.path); // a new database: no table yet
  }
  return migrationDirectories.map((d) => d.path).filter((name) => !applied.has(name));
}

/**
 * Applies every migration in prisma/migrations not yet recorded in `_prisma_migrations`,
 * exactly as `prisma migrate deploy` would. Returns the names it applied (none the second time).
 */
export async function applyMigrations(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  /** Another folder of migrations: a test that applies a release's up to some point. */
  dir = MIGRATIONS_DIR,
): Promise<string[]> {
  const engine = await createSchemaEngine(adapter, {
    path: SCHEMA_PATH,
    content: await readFile(SCHEMA_PATH, "utf8"),
  });
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrations(dir),
      filters: { externalTables: [], externalEnums: [] },
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}
