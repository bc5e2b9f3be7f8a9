// `npm run restore -- <backup folder>`: puts a backup of the embedded database back (the app
// must be stopped). The current data is kept in DATA_DIR/before-restore-<time>/.
import { restoreEmbedded } from "../lib/db/backup/restore-embedded";
import { env } from "../lib/env";

const config = env();
const from = process.argv[2];
if (!from) {
  console.error("Usage: npm run restore -- <backup folder>");
  process.exit(2);
}
if (config.DATABASE_URL) {
  console.error("DATABASE_URL is set: restore PostgreSQL with pg_restore (README: Backups and restore).");
  process.exit(2);
}
try {
  const { manifest, keptAside } = await restoreEmbedded({ dataDir: config.DATA_DIR, from });
  console.log(`Restored the backup of ${manifest.createdAt} (release ${manifest.appVersion}) into ${config.DATA_DIR}.`);
  if (keptAside) console.log(`The data it replaced is in ${keptAside}.`);
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
