import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, rename } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { lockDataDir } from "../client";
import {
  ARCHIVE_FILE,
  MANIFEST_FILE,
  SECRET_FILE,
  ZBackupManifest,
  unknownMigrations,
  type TBackupManifest,
} from "./manifest";

/**
 * Restores a backup made by backupEmbedded into `dataDir`. The app must be stopped (the data
 * folder's lock says whether it runs). The current database (and app-secret) is kept aside in
 * DATA_DIR/before-restore-<time>/, never deleted. Refuses a damaged archive and a backup
 * written by a newer release (migrations this one does not know); an older one is migrated
 * when the app starts, as on any upgrade.
 */
export async function restoreEmbedded(options: {
  dataDir: string;
  from: string;
  now?: Date;
}): Promise<{ manifest: TBackupManifest; keptAside: string | undefined }> {
  const dataDir = resolve(options.dataDir);
  const manifest = ZBackupManifest.parse(JSON.parse(await readFile(join(options.from, MANIFEST_FILE), "utf8")));
  const archive = await readFile(join(options.from, ARCHIVE_FILE));
  if (createHash("sha256").update(archive).digest("hex") !== manifest.sha256)
    throw new Error(`${join(options.from, ARCHIVE_FILE)} does not match its manifest (damaged or altered).`);
  const newer = await unknownMigrations(manifest);
  if (newer.length > 0)
    throw new Error(`The backup was written by a newer release (unknown migrations: ${newer.join(", ")}).`);

  const release = lockDataDir(dataDir);
  try {
    const pgliteDir = join(dataDir, "pglite");
    const secretFile = join(dataDir, SECRET_FILE);
    let keptAside: string | undefined;
    if (existsSync(pgliteDir) || existsSync(secretFile)) {
      const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, "-");
      keptAside = join(dataDir, `before-restore-${stamp}`);
      await mkdir(keptAside);
      if (existsSync(pgliteDir)) await rename(pgliteDir, join(keptAside, "pglite"));
      if (existsSync(secretFile)) await rename(secretFile, join(keptAside, SECRET_FILE));
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create(pgliteDir, { loadDataDir: new Blob([archive]) });
    await db.close();
    if (manifest.appSecretFile) await copyFile(join(options.from, SECRET_FILE), secretFile);
    return { manifest, keptAside };
  } finally {
    release();
  }
}
