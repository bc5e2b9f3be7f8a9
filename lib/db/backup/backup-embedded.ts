import { createHash } from "node:crypto";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { lockDataDir } from "../client";
import { ARCHIVE_FILE, MANIFEST_FILE, SECRET_FILE, appVersion, type TBackupManifest } from "./manifest";

/**
 * Backs up the embedded database of `dataDir` into the folder `to` (created; must not exist):
 * the database as PGlite's own archive (pglite.tar.gz), DATA_DIR/app-secret when the app
 * generated one, and manifest.json.
 *
 * The app must be stopped. PGlite is PostgreSQL compiled to WebAssembly inside the app's process:
 * no other process can connect to it, and its files copied while it writes are not a consistent
 * database. So this takes the data folder's lock (a running app holds it: DatabaseLockedError),
 * opens the database itself and has PostgreSQL write a consistent archive of it.
 */
export async function backupEmbedded(options: { dataDir: string; to: string; now?: Date }): Promise<TBackupManifest> {
  const dataDir = resolve(options.dataDir);
  const pgliteDir = join(dataDir, "pglite");
  if (!existsSync(pgliteDir)) throw new Error(`There is no embedded database in ${dataDir} (no pglite folder).`);
  if (existsSync(options.to)) throw new Error(`${options.to} already exists: choose a new folder for the backup.`);
  const release = lockDataDir(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create(pgliteDir);
    let archive: Buffer;
    let migrations: string[];
    try {
      migrations = (
        await db.query<{ migration_name: string }>(
          `SELECT "migration_name" FROM "_prisma_migrations"
           WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "migration_name"`,
        )
      ).rows.map((row) => row.migration_name);
      archive = Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer());
    } finally {
      await db.close();
    }
    await mkdir(options.to, { recursive: true });
    await writeFile(join(options.to, ARCHIVE_FILE), archive);
    const secretFile = join(dataDir, SECRET_FILE);
    const appSecretFile = existsSync(secretFile);
    if (appSecretFile) await copyFile(secretFile, join(options.to, SECRET_FILE));
    const manifest: TBackupManifest = {
      format: 1,
      kind: "pglite",
      appVersion: await appVersion(),
      createdAt: (options.now ?? new Date()).toISOString(),
      migrations,
      sha256: createHash("sha256").update(archive).digest("hex"),
      appSecretFile,
    };
    await writeFile(join(options.to, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    release();
  }
}
