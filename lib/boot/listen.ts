import type { Server } from "node:http";
import { describeDatabase } from "../db/open-from-env";
import type { TEnv } from "../env";
import { log } from "../log/logger";
import type { TRuntime } from "../runtime";

/** Opens the port (HOST:PORT) and says the inbox is ready; rejects when the port is taken. */
export async function listen(
  server: Server,
  { config, runtime, dev }: { config: TEnv; runtime: TRuntime; dev: boolean },
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  log().info(
    {
      url: runtime.config.appUrl,
      mode: dev ? "development" : "production",
      database: describeDatabase(config),
      version: runtime.version,
    },
    `Inbox ready on ${runtime.config.appUrl}`,
  );
}
