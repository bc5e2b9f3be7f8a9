// Generates the Prisma Client offline.
// The Prisma CLI insists on finding its native schema engine before `generate`, and
// would download it from Prisma's binary host. `generate` never runs that engine, so
// pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file lets it complete with no
// network. Migrations use the WebAssembly engine instead (lib/db/migrate.ts).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
