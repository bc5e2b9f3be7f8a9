import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The app's folder (where package.json and prisma/ are), found from this file whether it runs
 * from source (lib/, through tsx or Vitest) or bundled into dist/server.mjs.
 */
export const APP_ROOT = findRoot(import.meta.dirname);

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "prisma", "schema.prisma")) && existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}
