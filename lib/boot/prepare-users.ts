import type { TEnv } from "../env";
import { log } from "../log/logger";
import { DEMO_USERS } from "../server/demo/demo-fixtures";
import { registerWithSimulator } from "../server/demo/register-with-simulator";
import { seedDemo } from "../server/demo/seed-demo";
import { bootstrapUsers } from "../server/users/bootstrap-users";

/** The demo's users and account (DEMO_MODE), or the first admin from ADMIN_EMAIL/ADMIN_PASSWORD. */
export async function prepareUsers(
  deps: { config: TEnv; appUrl: string } & Parameters<typeof seedDemo>[0],
): Promise<void> {
  const { config } = deps;
  if (config.DEMO_MODE) {
    const account = await seedDemo(deps);
    // Their passwords are the demo's fixtures (README, `npm run demo` prints them), never logged.
    log().info({ users: DEMO_USERS.map((user) => user.email) }, "Demo mode: demo users ready");
    if (config.CM_SIMULATOR_URL) {
      await registerWithSimulator(config.CM_SIMULATOR_URL, account).then(
        () =>
          log().info(
            { accountId: account.id, simulator: config.CM_SIMULATOR_URL },
            `Demo account "${account.displayName}" linked to the CM simulator.`,
          ),
        (err: Error) => log().warn({ err }, "Could not link the demo account to the CM simulator"),
      );
    }
    return;
  }
  const outcome = await bootstrapUsers(deps, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
  if (outcome.kind === "created-admin") log().info({ email: outcome.email }, "Created the first admin");
  if (outcome.kind === "needs-admin") {
    log().warn("No users yet: set ADMIN_EMAIL and ADMIN_PASSWORD and restart to create the first admin.");
  }
}
