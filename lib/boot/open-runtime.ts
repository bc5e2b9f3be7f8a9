import { readFileSync } from "node:fs";
import { join } from "node:path";
import { APP_ROOT } from "../app-root";
import { resolveAppSecret } from "../auth/app-secret";
import { createAuth } from "../auth/create-auth";
import { createSecretBox } from "../crypto/secret-box";
import type { TDatabase } from "../db/client";
import { openMigratedDatabase } from "../db/open-from-env";
import { withStartupLock } from "../db/startup-lock";
import { appUrl, publicUrl, uploadQuota, type TEnv } from "../env";
import { log } from "../log/logger";
import type { TRuntime } from "../runtime";
import { prepareUsers } from "./prepare-users";

/**
 * The first step of the boot: the database opened and migrated, sign-in set up, the first users
 * there. The runtime it returns has no socket.io yet (`io` undefined) and is not published
 * (setRuntime) until the HTTP server and socket.io exist.
 */
export async function openRuntime(config: TEnv): Promise<{ db: TDatabase; runtime: TRuntime }> {
  const version = (JSON.parse(readFileSync(join(APP_ROOT, "package.json"), "utf8")) as { version: string }).version;

  const { secret, generated } = resolveAppSecret(config);
  if (generated) log().warn(`No APP_SECRET set: generated one in ${config.DATA_DIR}/app-secret (development only).`);

  const { db, applied } = await openMigratedDatabase(config);
  if (applied.length) log().info({ migrations: applied }, "Applied migrations");

  const runtimeConfig = runtimeConfigOf(config);
  const auth = createAuth({
    prisma: db.prisma,
    secret,
    baseUrl: runtimeConfig.appUrl,
    signInPerMinute: config.SIGN_IN_RATE_LIMIT,
    signInFailuresPerAccount: config.SIGN_IN_ACCOUNT_RATE_LIMIT,
    secureCookies: runtimeConfig.appUrl.startsWith("https://"),
  });
  const tokens = createSecretBox(secret, "cm-product-token");
  // Several instances may start at once on one PostgreSQL: only one creates the first admin.
  await withStartupLock(db, () =>
    prepareUsers({ config, prisma: db.prisma, auth, tokens, appUrl: runtimeConfig.publicUrl }),
  );
  const hookSecrets = createSecretBox(secret, "webhook-signing-secret");
  return { db, runtime: { db, io: undefined, auth, tokens, hookSecrets, version, config: runtimeConfig } };
}

function runtimeConfigOf(config: TEnv): TRuntime["config"] {
  return {
    appUrl: appUrl(config),
    publicUrl: publicUrl(config),
    uploadRetentionDays: config.UPLOAD_RETENTION_DAYS,
    uploadQuota: uploadQuota(config),
    cmBaseUrl: config.CM_API_BASE_URL,
    apiRateLimit: config.API_RATE_LIMIT,
    webhooksAllowLocal: config.WEBHOOKS_ALLOW_LOCAL,
    allowPrivateCmGateway: config.ALLOW_PRIVATE_CM_GATEWAY,
    demoMode: config.DEMO_MODE,
    simulatorUrl: config.DEMO_MODE ? config.CM_SIMULATOR_URL : undefined,
  };
}
