import type { TDatabase } from "../db/client";
import type { TEnv } from "../env";
import { startIntake } from "../pipeline/intake/start-intake";
import { startOutbox } from "../pipeline/outbox/start-outbox";
import { startHooksWorker } from "../pipeline/hooks/start-hooks-worker";
import type { TIntakePace } from "../pipeline/hooks/intake-pace";
import { startSlaWorker } from "../pipeline/sla/start-sla-worker";
import { startTeamWorker } from "../pipeline/team/start-team-worker";
import { startWindowsWorker } from "../pipeline/windows/start-windows-worker";
import { startWorkerLoop } from "../pipeline/worker-loop";
import { rollReportDays } from "../server/reports/roll-report-days";
import { backfillSearchVectors } from "../server/search/backfill-search-vectors";
import { runRetentionRound } from "../server/retention/run-retention-round";
import { announce as announceLive } from "../realtime/server/announce";
import { listOnlineUserIds } from "../realtime/server/presence";
import type { TIo, TRuntime } from "../runtime";
import type { TEffects } from "../effects/inbox-effects";

/**
 * The pipeline's workers, started after socket.io so every change they make is announced, into
 * `workers` (which the intake's `announce` and the graceful stop read), then on the runtime.
 * Intake applies stored webhooks; the team worker assigns conversations; the SLA worker keeps
 * due times, warnings and breaches; the outbox sends queued replies, retries them, and takes
 * over sends of instances that died; the windows worker counts reply windows that closed
 * without an answer; the roll-up worker keeps the reports' daily roll-up in step with the facts;
 * the search backfill gives messages written before search stored their words those words;
 * the retention worker deletes old conversations of the accounts that ask for it.
 */
export function startWorkers({
  db,
  config,
  io,
  runtime,
  workers,
  announce,
  pace,
}: {
  db: TDatabase;
  config: TEnv;
  io: TIo;
  runtime: TRuntime;
  workers: NonNullable<TRuntime["workers"]>;
  announce: (effects: TEffects) => void;
  /** The intake's pace: outgoing webhooks wait for their turn while it is busy. */
  pace?: TIntakePace;
}): void {
  workers.intake = startIntake({
    prisma: db.prisma,
    pool: db.pool,
    emit: announce,
    concurrency: db.kind === "postgres" ? config.INTAKE_CONCURRENCY : 1,
  });
  workers.team = startTeamWorker({
    prisma: db.prisma,
    emit: (effects) => void announceLive(effects),
    online: () => listOnlineUserIds(io),
  });
  workers.sla = startSlaWorker({
    prisma: db.prisma,
    emit: (...effects) => void announceLive(...effects),
    intervalMs: config.SLA_INTERVAL_MS,
  });
  workers.outbox = startOutbox({
    prisma: db.prisma,
    tokens: runtime.tokens,
    cmBaseUrl: runtime.config.cmBaseUrl,
    cmGateway: { allowPrivate: config.ALLOW_PRIVATE_CM_GATEWAY },
  });
  workers.windows = startWindowsWorker({ prisma: db.prisma });
  // Every 30 s, and at once again while a round had more days to roll (a first start on a long
  // history rolls it in batches); every instance runs it, a day is rolled by one.
  workers.rollup = startWorkerLoop({
    name: "report-rollup",
    idleMs: 30_000,
    tick: async () => (await rollReportDays(db.prisma, { now: new Date() })).busy,
  });
  // Older messages' stored words for search (a batch at a time, newest first, until done).
  workers.searchBackfill = startWorkerLoop({
    name: "search-backfill",
    idleMs: 60_000,
    tick: async () => (await backfillSearchVectors(db.prisma)).busy,
  });
  // Every 10 minutes it looks for a run that is due (daily per account, or after a change of
  // settings); a run goes on round after round at once, 20 batches of 200 conversations a round,
  // each batch its own short transaction, so the inbox's own writes never wait long.
  workers.retention = startWorkerLoop({
    name: "retention",
    idleMs: 10 * 60_000,
    tick: async () =>
      (
        await runRetentionRound(db.prisma, {
          clock: () => new Date(),
          onRemoved: (effect) => void announceLive(effect),
        })
      ).busy,
  });
  // Outgoing webhooks: events the triggers wrote, prepared and delivered (issue 21), each round
  // after the intake's (pace).
  workers.hooks = startHooksWorker({
    prisma: db.prisma,
    pace,
    secrets: runtime.hookSecrets,
    allowLocal: config.WEBHOOKS_ALLOW_LOCAL,
  });
  runtime.workers = workers;
}
