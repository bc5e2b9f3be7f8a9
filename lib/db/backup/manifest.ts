import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { APP_ROOT } from "../../app-root";
import { readMigrations } from "../migrate";

/** What a backup says about itself: enough to refuse restoring it into a release that can't read it. */
export const ZBackupManifest = z.object({
  format: z.literal(1),
  kind: z.literal("pglite"),
  appVersion: z.string(),
  createdAt: z.iso.datetime(),
  /** The migrations applied to the backed-up database, oldest first. */
  migrations: z.array(z.string()),
  /** sha256 of the database archive. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Whether the backup holds DATA_DIR/app-secret (a secret the app generated, development only). */
  appSecretFile: z.boolean(),
});
export type TBackupManifest = z.infer<typeof ZBackupManifest>;

export const MANIFEST_FILE = "manifest.json";
export const ARCHIVE_FILE = "pglite.tar.gz";
export const SECRET_FILE = "app-secret";

export async function appVersion(): Promise<string> {
  return (JSON.parse(await readFile(join(APP_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

/** Migrations the backup has that this release does not know: it was written by a newer release. */
export async function unknownMigrations(manifest: TBackupManifest): Promise<string[]> {
  const known = new Set((await readMigrations()).migrationDirectories.map((d) => d.path));
  return manifest.migrations.filter((name) => !known.has(name));
}
