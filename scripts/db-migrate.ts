// Applies pending migrations to the configured database (DATABASE_URL, or the embedded
// PGlite in DATA_DIR) through the WebAssembly schema engine. Safe to run again.
import { EnvError, env } from "../lib/env";
import { describeDatabase, openMigratedDatabase } from "../lib/db/open-from-env";

try {
  const config = env();
  const { db, applied } = await openMigratedDatabase(config);
  await db.close();
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${describeDatabase(config)}: ${applied.join(", ")}`
      : `${describeDatabase(config)} is up to date: no migration to apply.`,
  );
} catch (error) {
  console.error(error instanceof EnvError ? error.message : `Migration failed: ${(error as Error).message}`);
  process.exit(1);
}
