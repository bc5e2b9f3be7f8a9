import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return { secret: existing, generated: false };
  } catch {
    // Not there yet: create it below.
  }
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, generated: true };
}
