import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TEnv } from "../env";

/**
 * The secret that signs sessions and encrypts product tokens. Production sets APP_SECRET
 * (env.ts insists). A development or demo start without one gets a random secret kept in
 * DATA_DIR, so sessions and stored tokens survive a restart and nobody ships a default.
 */
export function resolveAppSecret(env: Pick<TEnv, "APP_SECRET" | "DATA_DIR">): { secret: string; generated: boolean } {
  if (env.APP_SECRET) return { secret: env.APP_SECRET, generated: false };
  const dir = resolve(env.DATA_DIR);
  const file = join(dir, "app-secret");
  const existing = readSecret(file);
  if (existing) return { secret: existing, generated: false };
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  // Instances starting together on one DATA_DIR (several on PostgreSQL) must all end up with
  // the same secret: the file is written whole under a name of its own, then linked into place,
  // which fails if another instance got there first. Its secret wins; ours is dropped.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, `${secret}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
    return { secret, generated: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = readSecret(file);
    if (!winner)
      throw new Error(`${file} holds no usable secret (32 characters or more): delete it, or set APP_SECRET.`);
    return { secret: winner, generated: false };
  } finally {
    unlinkSync(draft);
  }
}

function readSecret(file: string): string | undefined {
  try {
    const value = readFileSync(file, "utf8").trim();
    return value.length >= 32 ? value : undefined;
  } catch {
    return undefined;
  }
}
