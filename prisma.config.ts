import { defineConfig } from "prisma/config";

// Only `prisma generate` reads this file: migrations run through the WebAssembly
// schema engine (lib/db/migrate.ts), so no datasource URL is needed here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
