import type { TDatabase } from "../db/client";
import type { TEnv } from "../env";
import { log } from "../log/logger";
import { createIntakePace, type TIntakePace } from "../pipeline/hooks/intake-pace";
import { createStoreAndApply } from "../pipeline/intake/store-and-apply-message";
import { createWebhookAccounts } from "../pipeline/intake/webhook-accounts";
import { createWebhookIntake, type TWebhookIntake } from "../pipeline/intake/webhook-intake";
import { announce } from "../realtime/server/announce";
import type { TRuntime } from "../runtime";
import type { TEffects } from "../effects/inbox-effects";

/**
 * CM's webhooks: stored by the intake (called by the route app/api/webhooks/cm/…) and applied
 * by the intake processor (start-workers.ts), which `workers` will hold once started. Returns
 * the intake, `announce`, which tells whatever intake commits, and `pace`, which the
 * background work that must not slow the intake (outgoing webhooks) asks for its turn.
 */
export function createIntake({
  db,
  config,
  workers,
}: {
  db: TDatabase;
  config: TEnv;
  workers: NonNullable<TRuntime["workers"]>;
}): { intake: TWebhookIntake; announce: (effects: TEffects) => void; pace: TIntakePace } {
  const webhookAccounts = createWebhookAccounts(db.prisma);
  // On PostgreSQL a message that arrives while few are in flight is stored and applied at once.
  // Whatever intake commits is announced, and may give a conversation to an agent (auto-assignment).
  const tell = (effects: TEffects) => {
    void announce(effects);
    workers.team?.consider(effects);
  };
  const storeAndApply = db.pool ? createStoreAndApply(db.pool, { emit: tell, maxInFlight: 4 }) : undefined;
  const pace = createIntakePace();
  const take = createWebhookIntake(
    { sql: db.sql, accounts: webhookAccounts, wake: (kind) => workers.intake?.wake(kind), storeAndApply },
    {
      maxInFlight: config.WEBHOOK_MAX_IN_FLIGHT,
      storeTimeoutMs: 10_000,
      log: (line) => log().warn({ component: "intake" }, line),
    },
  );
  const intake: TWebhookIntake = (input) => {
    pace.noteWebhook();
    return take(input);
  };
  return { intake, announce: tell, pace };
}
