import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildSendRequest } from "../lib/cm/build-send-request";
import { createCmClient } from "../lib/cm/client";
import { newCmReference } from "../lib/cm/reference";
import { parseStatusReports, ZCmStatusReportWebhook, type TStatusReport } from "../lib/cm/schemas/status-report";
import type { TWebhookAttempt } from "./webhook-sender";
import { CUSTOMER, IG_ACCOUNT, startSimFixture, type TSimFixture } from "./testing/sim-fixture";
import { waitFor } from "./testing/wait-for";

let f: TSimFixture;
beforeAll(async () => {
  f = await startSimFixture();
});
afterAll(() => f.close());
beforeEach(async () => {
  await f.control("POST", "/_sim/reset");
  f.hooks.received.length = 0;
});

async function sendTo(to: string): Promise<string> {
  const reference = newCmReference();
  const result = await createCmClient({ baseUrl: f.sim.url }).send({
    productToken: f.account.productToken,
    request: buildSendRequest([{ from: IG_ACCOUNT, to, reference, content: { kind: "text", text: "hi" } }]),
  });
  expect(result.kind).toBe("accepted");
  return reference;
}

function reportsFor(reference: string): TStatusReport[] {
  return f.hooks.on("/status").flatMap((r) => {
    const parsed = parseStatusReports(r.body);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.value.filter((s) => s.reference === reference);
  });
}

const waitForReports = (reference: string, count: number) =>
  waitFor(() => (reportsFor(reference).length >= count ? reportsFor(reference) : undefined), {
    what: `${count} status reports`,
  });

describe("status reports", () => {
  it("posts accepted then delivered in CM's JSON format", async () => {
    const reference = await sendTo(CUSTOMER);
    const reports = await waitForReports(reference, 2);
    expect(reports.map((r) => [r.status, r.code, r.to])).toEqual([
      ["accepted", 0, CUSTOMER],
      ["delivered", 2, CUSTOMER],
    ]);
    const raw = f.hooks.on("/status")[0]?.body;
    expect(ZCmStatusReportWebhook.safeParse(raw).success).toBe(true);
    expect(raw).toMatchObject({
      messages: {
        msg: { to: CUSTOMER, reference, status: { code: "0", errorCode: "", errorDescription: "" }, operator: "" },
      },
    });
  });

  it("posts a failed report for a failing recipient", async () => {
    const failing = "1111111111111111";
    await f.control("POST", "/_sim/failing-recipients", {
      numbers: [failing],
      errorCode: "40",
      errorDescription: "Window closed",
    });
    const reference = await sendTo(failing);
    const reports = await waitForReports(reference, 2);
    expect(reports[1]).toMatchObject({ status: "failed", code: 3, errorCode: 40, errorDescription: "Window closed" });
  });

  it("retries a webhook that answers non-2xx and logs every attempt", async () => {
    f.hooks.failNext(2, 503);
    const reference = await sendTo(CUSTOMER);
    await waitForReports(reference, 2);
    const { body } = await f.control("GET", "/_sim/webhook-log?kind=statusReports");
    const attempts = body["attempts"] as TWebhookAttempt[];
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
      [1, 200],
    ]);
  });

  it("reorders (delivered before accepted) and duplicates on request", async () => {
    await f.control("POST", "/_sim/faults", [
      { type: "webhook_reorder", times: 1 },
      { type: "webhook_duplicate", webhook: "statusReports", times: 1 },
    ]);
    const reference = await sendTo(CUSTOMER);
    const reports = await waitForReports(reference, 3);
    expect(reports.map((r) => r.status)).toEqual(["delivered", "delivered", "accepted"]);
  });

  it("drops a report on request", async () => {
    await f.control("POST", "/_sim/faults", { type: "webhook_drop", webhook: "statusReports", times: 1 });
    const reference = await sendTo(CUSTOMER);
    const reports = await waitForReports(reference, 1);
    const { body } = await f.control("GET", "/_sim/webhook-log?kind=statusReports");
    // The accepted report never left the simulator: only the delivered one was attempted.
    expect((body["attempts"] as TWebhookAttempt[]).map((a) => a.payload)).toMatchObject([
      { messages: { msg: { status: { code: "2" } } } },
    ]);
    expect(reports.map((r) => r.status)).toEqual(["delivered"]);
  });
});
