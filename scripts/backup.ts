// `npm run backup [-- <folder>]`: a backup of the embedded database (the app must be stopped).
// PostgreSQL is backed up with its own tools: see the README (pg_dump -Fc).
import { join } from "node:path";
import { backupEmbedded } from "../lib/db/backup/backup-embedded";
import { env } from "../lib/env";

const config = env();
if (config.DATABASE_URL) {
  console.error("DATABASE_URL is set: back up PostgreSQL with pg_dump -Fc (README: Backups and restore).");
  process.exit(2);
}
const to = process.argv[2] ?? join("backups", `inbox-${new Date().toISOString().replace(/[:.]/g, "-")}`);
try {
  const manifest = await backupEmbedded({ dataDir: config.DATA_DIR, to });
  console.log(`Backed up ${config.DATA_DIR} to ${to} (${manifest.migrations.length} migrations applied).`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
