import { describe, expect, it } from "vitest";
import { duration, pipelineWarnings, type TPipelineFacts } from "./pipeline-warnings";

const now = new Date("2026-01-10T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

/** A healthy, busy account: a webhook a minute ago, nothing pending or failed. */
function facts(overrides: Partial<TPipelineFacts> = {}): TPipelineFacts {
  return {
    enabled: true,
    linkedAt: ago(60 * 24 * 30),
    lastWebhookAt: ago(1),
    lastStatusReportAt: ago(1),
    repliesAcceptedRecently: 3,
    unreportedReplies: 0,
    newestUnreportedAcceptedAt: null,
    failedWebhooks: 0,
    pendingWebhooks: 0,
    oldestPendingAt: null,
    ...overrides,
  };
}

const kinds = (f: TPipelineFacts) => pipelineWarnings(f, now).map((w) => w.kind);

describe("pipeline warnings", () => {
  it("has nothing to say about a healthy account", () => {
    expect(pipelineWarnings(facts(), now)).toEqual([]);
  });

  it("warns after 6 silent hours only when CM accepted replies in that time", () => {
    expect(kinds(facts({ lastWebhookAt: ago(359) }))).toEqual([]);
    const [warning] = pipelineWarnings(facts({ lastWebhookAt: ago(7 * 60 + 5), lastStatusReportAt: ago(8 * 60) }), now);
    expect(warning).toMatchObject({
      kind: "silent",
      message: "No webhook from CM for 7 hours, although CM accepted 3 replies from this inbox in that time.",
    });
    expect(warning?.check).toContain("Channels app");
    // No replies: a quiet afternoon is not a problem yet.
    expect(kinds(facts({ lastWebhookAt: ago(7 * 60), repliesAcceptedRecently: 0 }))).toEqual([]);
  });

  it("warns after 24 silent hours on an enabled account, replies or not", () => {
    const quiet = facts({ lastWebhookAt: ago(26 * 60), repliesAcceptedRecently: 0 });
    expect(pipelineWarnings(quiet, now)).toEqual([
      expect.objectContaining({ kind: "silent", message: "No webhook from CM for 26 hours." }),
    ]);
    expect(kinds({ ...quiet, enabled: false })).toEqual([]);
    expect(kinds(facts({ lastWebhookAt: ago(23 * 60 + 59), repliesAcceptedRecently: 0 }))).toEqual([]);
  });

  it("counts from the linking for an account that never received a webhook", () => {
    const fresh = facts({ lastWebhookAt: null, lastStatusReportAt: null, repliesAcceptedRecently: 0 });
    expect(kinds({ ...fresh, linkedAt: ago(60) })).toEqual([]);
    expect(pipelineWarnings({ ...fresh, linkedAt: ago(3 * 24 * 60) }, now)[0]).toMatchObject({
      kind: "silent",
      message: "No webhook from CM since this account was linked 3 days ago.",
      check: expect.stringContaining("Paste the account's three webhook URLs") as unknown,
    });
  });

  it("warns when accepted replies got no status report for 15 minutes", () => {
    const overdue = facts({ unreportedReplies: 2, newestUnreportedAcceptedAt: ago(20), lastStatusReportAt: ago(90) });
    expect(pipelineWarnings(overdue, now)).toEqual([
      expect.objectContaining({
        kind: "no-status-reports",
        message: "2 replies were accepted by CM but no status report arrived for 20 minutes.",
        check: expect.stringContaining("status-report webhook URL in CM's Channels app") as unknown,
      }),
    ]);
    expect(kinds({ ...overdue, lastStatusReportAt: null })).toEqual(["no-status-reports"]);
    // Not yet overdue, or a later report shows the URL works and CM is only slow with these.
    expect(kinds({ ...overdue, newestUnreportedAcceptedAt: ago(14) })).toEqual([]);
    expect(kinds({ ...overdue, lastStatusReportAt: ago(5) })).toEqual([]);
  });

  it("warns about webhooks that could not be applied", () => {
    expect(pipelineWarnings(facts({ failedWebhooks: 1 }), now)).toEqual([
      expect.objectContaining({ kind: "failed-webhooks", message: "1 webhook could not be applied." }),
    ]);
    expect(pipelineWarnings(facts({ failedWebhooks: 4 }), now)[0]?.message).toBe("4 webhooks could not be applied.");
  });

  it("warns about a backlog once the oldest waiting webhook is a minute old", () => {
    expect(kinds(facts({ pendingWebhooks: 5, oldestPendingAt: new Date(now.getTime() - 59_000) }))).toEqual([]);
    expect(pipelineWarnings(facts({ pendingWebhooks: 5, oldestPendingAt: ago(3) }), now)).toEqual([
      expect.objectContaining({
        kind: "backlog",
        message: "5 webhooks waiting to be applied, the oldest since 3 minutes ago.",
      }),
    ]);
  });

  it("lists every warning that applies, the silence first", () => {
    const bad = facts({
      lastWebhookAt: ago(30 * 60),
      lastStatusReportAt: ago(30 * 60),
      unreportedReplies: 1,
      newestUnreportedAcceptedAt: ago(60),
      failedWebhooks: 2,
      pendingWebhooks: 1,
      oldestPendingAt: ago(30 * 60),
    });
    expect(kinds(bad)).toEqual(["silent", "no-status-reports", "failed-webhooks", "backlog"]);
  });

  it("says durations as a person would", () => {
    expect(duration(10_000)).toBe("1 minute");
    expect(duration(59 * 60_000)).toBe("59 minutes");
    expect(duration(60 * 60_000)).toBe("1 hour");
    expect(duration(47 * 3_600_000)).toBe("47 hours");
    expect(duration(50 * 3_600_000)).toBe("2 days");
  });
});
