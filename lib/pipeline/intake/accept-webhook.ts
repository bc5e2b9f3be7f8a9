import type { TSql } from "../../db/client";
import { AppError } from "../../errors";
import { WEBHOOK_URL_KINDS, parseWebhook, type TWebhookUrlKind } from "./parse-webhook";
import type { TStoreAndApply } from "./store-and-apply-message";
import { storeWebhook } from "./store-webhook";
import type { TWebhookAccounts } from "./webhook-accounts";
import { addLogContext } from "../../log/logger";
import { metrics } from "../../metrics/metrics";
import { MAX_WEBHOOK_BYTES } from "../../webhooks/limits";

const SECRET_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

export interface TIntakeDeps {
  sql: TSql;
  accounts: TWebhookAccounts;
  /** Tells the intake processor there is work, and of which kind. */
  wake: (kind: TWebhookUrlKind) => void;
  /** PostgreSQL: a customer's message is stored and applied in one statement when not busy. */
  storeAndApply?: TStoreAndApply | undefined;
  now?: () => Date;
}

export interface TWebhookAnswer {
  status: number;
  body: Record<string, unknown>;
  /** Seconds CM should wait before retrying (503). */
  retryAfter?: number;
}

/**
 * Answers one webhook from CM: 200 once it is durably stored (or recognised as a copy of a
 * stored one), so CM stops sending it; a 4xx with the reason for what CM should not retry;
 * anything else throws, and the HTTP layer answers 503 so CM retries.
 */
export async function acceptWebhook(
  deps: TIntakeDeps,
  input: { secret: string; kind: string; body: string },
): Promise<TWebhookAnswer> {
  if (!(WEBHOOK_URL_KINDS as readonly string[]).includes(input.kind)) {
    throw new AppError("NOT_FOUND", `Unknown webhook kind "${input.kind}": use messages, events or status-reports.`);
  }
  const kind = input.kind as TWebhookUrlKind;
  const unknownUrl = new AppError("UNAUTHORIZED", "Unknown webhook URL: check it in the admin page.");
  // Secrets are base64url (lib/server/accounts/new-webhook-secret.ts): anything else (a %00, a
  // quote) is not one of ours, and never reaches the database.
  if (!SECRET_SHAPE.test(input.secret)) throw unknownUrl;
  const account = await deps.accounts.find(input.secret);
  if (!account) throw unknownUrl;
  addLogContext({ accountId: account.id });
  if (Buffer.byteLength(input.body) > MAX_WEBHOOK_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_WEBHOOK_BYTES} bytes.`);
  }
  if (!input.body.trim()) throw new AppError("BAD_REQUEST", "The body is empty.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.body);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
  const units = parseWebhook(kind, parsed, account);
  if (units.length === 0) return { status: 200, body: { ok: true, stored: 0, duplicates: 0 } };
  const now = deps.now?.() ?? new Date();
  const [unit] = units;
  if (deps.storeAndApply && unit?.kind === "MESSAGE" && units.length === 1) {
    // Anything unexpected there (it applies as well as stores) leaves the webhook to the usual way below.
    const fast = await deps
      .storeAndApply({ account, secret: input.secret, unit, payload: input.body, now })
      .catch(() => null);
    if (fast) {
      if (!fast.known) {
        deps.accounts.forget(input.secret);
        throw unknownUrl;
      }
      if (fast.stored > 0 && !fast.applied) deps.wake(kind);
      if (fast.applied) metrics().webhooksApplied(1);
      return { status: 200, body: { ok: true, stored: fast.stored, duplicates: 1 - fast.stored } };
    }
  }
  const result = await storeWebhook(deps.sql, {
    account,
    secret: input.secret,
    kind,
    units,
    payload: input.body,
    now,
  });
  if (!result.known) {
    deps.accounts.forget(input.secret);
    throw unknownUrl;
  }
  if (result.stored > 0) deps.wake(kind);
  return { status: 200, body: { ok: true, stored: result.stored, duplicates: result.duplicates } };
}
