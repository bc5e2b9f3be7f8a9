import type { TSecretBox } from "../../crypto/secret-box";
import type { PrismaClient } from "../../db/generated/client";
import type { TGatewayPolicy } from "../../server/accounts/cm-gateway-policy";

// What the outbox needs, and its tunables. Everything that depends on time or chance is
// injected (clock, random), so tests drive retries, leases and grace periods without sleeping.

export interface TOutboxOptions {
  /** How long a claimed send belongs to its worker; then another instance takes it over. */
  leaseMs: number;
  /** Retryable failures are retried until this long after the first try, then fail visibly. */
  retryWindowMs: number;
  /** Exponential backoff with full jitter: a try waits up to min(maxDelayMs, baseDelayMs · 2^(n−1)). */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * After a try whose outcome is unknown (timeout), no resend before this: CM's status report
   * for the same reference, if it comes, moves the message on and the resend never happens.
   */
  unknownGraceMs: number;
  /** Messages claimed per round (at most one per conversation), and sent side by side. */
  batchSize: number;
  concurrency: number;
  /** The CM client's budgets (lib/cm/client.ts); both together must stay well under leaseMs. */
  cmConnectTimeoutMs: number;
  cmResponseTimeoutMs: number;
}

export const OUTBOX_DEFAULTS: TOutboxOptions = {
  leaseMs: 60_000,
  retryWindowMs: 15 * 60_000,
  baseDelayMs: 2_000,
  maxDelayMs: 60_000,
  unknownGraceMs: 30_000,
  batchSize: 16,
  concurrency: 8,
  cmConnectTimeoutMs: 5_000,
  cmResponseTimeoutMs: 15_000,
};

export interface TOutboxDeps {
  prisma: PrismaClient;
  tokens: TSecretBox;
  /** CM's gateway unless the account overrides it. */
  cmBaseUrl: string;
  /** Whether an account's own gateway may be private (ALLOW_PRIVATE_CM_GATEWAY); refused if absent. */
  cmGateway?: TGatewayPolicy;
  clock?: () => Date;
  /** A number in [0, 1): the jitter. */
  random?: () => number;
  options?: Partial<TOutboxOptions>;
}

export interface TOutbox {
  prisma: PrismaClient;
  tokens: TSecretBox;
  cmBaseUrl: string;
  cmGateway: TGatewayPolicy;
  now: () => Date;
  random: () => number;
  options: TOutboxOptions;
}

export function resolveOutbox(deps: TOutboxDeps): TOutbox {
  return {
    prisma: deps.prisma,
    tokens: deps.tokens,
    cmBaseUrl: deps.cmBaseUrl,
    cmGateway: deps.cmGateway ?? { allowPrivate: false },
    now: deps.clock ?? (() => new Date()),
    random: deps.random ?? Math.random,
    options: { ...OUTBOX_DEFAULTS, ...deps.options },
  };
}
