import type { Server } from "socket.io";
import type { TAuth } from "./auth/create-auth";
import type { TSecretBox } from "./crypto/secret-box";
import type { TDatabaseKind, TSql } from "./db/client";
import type { PrismaClient } from "./db/generated/client";
import type { TIntakeWorker } from "./pipeline/intake/start-intake";
import type { TWebhookIntake } from "./pipeline/intake/webhook-intake";
import type { TWorker } from "./pipeline/worker-loop";
import type { TClientToServerEvents, TServerSideEvents, TServerToClientEvents, TSocketData } from "./realtime/events";
import type { TTeamWorker } from "./pipeline/team/start-team-worker";

// The custom server (server.ts) opens the database and socket.io once per process and
// hands them to route handlers through this registry. Next.js bundles route handlers
// separately from server.ts, so a module-level variable would not be shared: globalThis is.
// Only types are imported here, so the bundle never pulls in database drivers.

export type TIo = Server<TClientToServerEvents, TServerToClientEvents, TServerSideEvents, TSocketData>;

export interface TRuntime {
  db: { kind: TDatabaseKind; prisma: PrismaClient; sql: TSql };
  io: TIo | undefined;
  /** This instance's background workers; undefined in tests that drive them by hand. */
  workers?:
    | {
        intake?: TIntakeWorker;
        outbox?: TWorker;
        team?: TTeamWorker;
        windows?: TWorker;
        sla?: TWorker;
        rollup?: TWorker;
        searchBackfill?: TWorker;
        retention?: TWorker;
        /** Outgoing webhooks: prepares events, delivers them (lib/pipeline/hooks). */
        hooks?: TWorker;
      }
    | undefined;
  /**
   * This instance's lifecycle (lib/lifecycle/shutdown.ts): `stopping` turns true at the
   * first moment of a graceful stop, before anything closes, so readiness and the webhook
   * intake refuse (503) while requests in flight finish. The one switch (see isStopping).
   * Absent while starting and in tests that build a runtime.
   */
  lifecycle?: {
    stopping: boolean;
    /** The migrations this code ships (prisma/migrations): readiness checks they are applied. */
    migrations: readonly string[];
  };
  /** CM's webhook intake (the route app/api/webhooks/cm/…); undefined while not accepting webhooks (stopping). */
  intake?: () => TWebhookIntake | undefined;
  auth: TAuth;
  /** Encrypts and decrypts CM product tokens at rest. */
  tokens: TSecretBox;
  /** Encrypts and decrypts outgoing webhooks' signing secrets at rest. */
  hookSecrets: TSecretBox;
  version: string;
  config: {
    /** The URL users open. */
    appUrl: string;
    /** The URL CM reaches us at (PUBLIC_URL): webhook URLs and uploaded images' URLs start with it. */
    publicUrl: string;
    /** Uploaded images are served, then deleted, this many days after upload. */
    uploadRetentionDays: number;
    /** What uploads may take: bytes per user per rolling hour, and bytes stored in all. */
    uploadQuota: { hourlyBytesPerUser: number; totalBytes: number };
    /** The CM simulator (demo mode only): the one private address the media-type probe may ask. */
    simulatorUrl?: string | undefined;
    /** CM's gateway, unless an account overrides it. */
    cmBaseUrl: string;
    /** ALLOW_PRIVATE_CM_GATEWAY: an account's own gateway URL may be a private address. */
    allowPrivateCmGateway?: boolean;
    demoMode: boolean;
    /** API_RATE_LIMIT: requests per API token per minute (lib/http/api-route.ts); 600 when absent. */
    apiRateLimit?: number;
    /** WEBHOOKS_ALLOW_LOCAL: webhook endpoints may be http or private addresses (development, tests). */
    webhooksAllowLocal?: boolean;
  };
}

const KEY = Symbol.for("ig-inbox.runtime");
type TGlobal = typeof globalThis & { [KEY]?: TRuntime };

export function setRuntime(runtime: TRuntime | undefined): void {
  (globalThis as TGlobal)[KEY] = runtime;
}

/** The process's runtime; undefined during `next build` or outside the custom server. */
export function getRuntime(): TRuntime | undefined {
  return (globalThis as TGlobal)[KEY];
}

/**
 * True from the first moment of a graceful stop: the one switch that readiness, the webhook
 * intake, uploaded media and the HTTP server's `Connection: close` all read.
 */
export function isStopping(runtime: Pick<TRuntime, "lifecycle">): boolean {
  return runtime.lifecycle?.stopping === true;
}
