import type { TSimAccount } from "./accounts";
import { formatCmUtc } from "./cm-time";
import type { TFaultStore } from "./faults";
import type { TLifecycle } from "./lifecycle";
import type { TWebhookSender } from "./webhook-sender";

// After an accepted send CM reports asynchronously on the status webhook (FORMATS.md §5):
// accepted (code "0"), then delivered to Instagram (code "2") or failed (code "3"). The code
// table itself is UNCONFIRMED; the simulator uses the commonly cited mapping.

export type TFailure = { errorCode: string; errorDescription: string };
export const DEFAULT_FAILURE: TFailure = {
  errorCode: "999",
  errorDescription: "Message could not be delivered (simulated failure)",
};

export type TFailingRecipients = Map<string, TFailure>;

type TReportInput = { to: string; reference: string | null; code: "0" | "2" | "3"; failure?: TFailure };

export function statusReportPayload(input: TReportInput, now: Date = new Date()) {
  return {
    messages: {
      msg: {
        received: formatCmUtc(now),
        to: input.to,
        reference: input.reference ?? "",
        status: {
          code: input.code,
          errorCode: input.failure?.errorCode ?? "",
          errorDescription: input.failure?.errorDescription ?? "",
        },
        operator: "",
      },
    },
  };
}

export type TStatusReporterDeps = {
  webhooks: TWebhookSender;
  faults: TFaultStore;
  lifecycle: TLifecycle;
  failing: TFailingRecipients;
  delayMs: number;
  log: (line: string) => void;
};

/** Schedules the reports for one accepted recipient in the background. */
export function scheduleStatusReports(
  deps: TStatusReporterDeps,
  account: TSimAccount,
  to: string,
  reference: string | null,
): void {
  const failure = deps.failing.get(to) ?? (account.failingRecipients.includes(to) ? DEFAULT_FAILURE : undefined);
  const final: TReportInput =
    failure === undefined ? { to, reference, code: "2" } : { to, reference, code: "3", failure };
  const sequence: TReportInput[] = [{ to, reference, code: "0" }, final];
  if (deps.faults.take(["webhook_reorder"]) !== undefined) sequence.reverse();

  deps.lifecycle.spawn(
    async () => {
      for (const report of sequence) {
        await deps.lifecycle.sleep(deps.delayMs);
        // One after the other: the next report waits until the previous one is delivered or given up.
        await deps.webhooks.deliver("statusReports", account, statusReportPayload(report));
      }
    },
    (error) => deps.log(`status report for ${reference ?? "(no reference)"} failed: ${String(error)}`),
  );
}
