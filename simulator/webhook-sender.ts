import type { TSimAccount, TSimWebhookKind } from "./accounts";
import type { TFaultStore } from "./faults";
import type { TLifecycle } from "./lifecycle";

// Posts to an account's webhooks like CM does: JSON POST, and a non-2xx answer or a network error
// is retried with backoff (CM retries MO every 5 min for a month, status reports for 7 days,
// events up to 3 times — FORMATS.md §7; the simulator keeps the idea with short delays).

export type TWebhookAttempt = {
  id: number;
  kind: TSimWebhookKind;
  url: string;
  attempt: number;
  at: string;
  status: number | null;
  error: string | null;
  /** Set when a fault made this delivery a duplicate. */
  duplicate: boolean;
  payload: unknown;
};

export type TWebhookOutcome =
  | { delivered: boolean; status: number | null; attempts: number; dropped: false }
  | { delivered: false; status: null; attempts: 0; dropped: true }
  | { delivered: false; status: null; attempts: 0; dropped: false; noUrl: true };

export type TWebhookSender = {
  deliver(kind: TSimWebhookKind, account: TSimAccount, payload: unknown): Promise<TWebhookOutcome>;
  log(kind?: TSimWebhookKind): TWebhookAttempt[];
  clearLog(): void;
};

export type TWebhookSenderOptions = {
  faults: TFaultStore;
  lifecycle: TLifecycle;
  retryDelaysMs: readonly number[];
  timeoutMs: number;
};

export function createWebhookSender(options: TWebhookSenderOptions): TWebhookSender {
  const { faults, lifecycle } = options;
  let attempts: TWebhookAttempt[] = [];
  let nextId = 1;

  async function postOnce(kind: TSimWebhookKind, url: string, payload: unknown, attempt: number, duplicate: boolean) {
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json; charset=utf-8" },
        body: JSON.stringify(payload),
        signal: AbortSignal.any([lifecycle.signal, AbortSignal.timeout(options.timeoutMs)]),
      });
      status = response.status;
      await response.body?.cancel();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    attempts.push({
      id: nextId++,
      kind,
      url,
      attempt,
      at: new Date().toISOString(),
      status,
      error,
      duplicate,
      payload,
    });
    return status;
  }

  async function postWithRetries(kind: TSimWebhookKind, url: string, payload: unknown, duplicate: boolean) {
    let status: number | null = null;
    for (let attempt = 1; ; attempt++) {
      status = await postOnce(kind, url, payload, attempt, duplicate);
      if (status !== null && status >= 200 && status < 300) return { delivered: true, status, attempts: attempt };
      const delay = options.retryDelaysMs[attempt - 1];
      if (delay === undefined || lifecycle.closed) return { delivered: false, status, attempts: attempt };
      await lifecycle.sleep(delay);
    }
  }

  return {
    async deliver(kind, account, payload) {
      const url = account.webhooks[kind];
      if (url === undefined) return { delivered: false, status: null, attempts: 0, dropped: false, noUrl: true };
      const forThis = (f: { webhook?: TSimWebhookKind | undefined }) => f.webhook === undefined || f.webhook === kind;
      if (faults.take(["webhook_drop"], forThis) !== undefined)
        return { delivered: false, status: null, attempts: 0, dropped: true };
      const delay = faults.take(["webhook_delay"], forThis);
      if (delay !== undefined) await lifecycle.sleep(delay.delayMs);
      const duplicate = faults.take(["webhook_duplicate"], forThis) !== undefined;
      const outcome = await postWithRetries(kind, url, payload, false);
      if (duplicate) await postWithRetries(kind, url, payload, true);
      return { ...outcome, dropped: false };
    },
    log: (kind) => attempts.filter((a) => kind === undefined || a.kind === kind),
    clearLog() {
      attempts = [];
    },
  };
}
