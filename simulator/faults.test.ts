import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildSendRequest } from "../lib/cm/build-send-request";
import { createCmClient } from "../lib/cm/client";
import { newCmReference } from "../lib/cm/reference";
import { CUSTOMER, IG_ACCOUNT, startSimFixture, type TSimFixture } from "./testing/sim-fixture";

let f: TSimFixture;
beforeAll(async () => {
  f = await startSimFixture();
});
afterAll(() => f.close());
beforeEach(() => f.control("POST", "/_sim/reset"));

const request = () =>
  buildSendRequest([
    { from: IG_ACCOUNT, to: CUSTOMER, reference: newCmReference(), content: { kind: "text", text: "hi" } },
  ]);
const send = (timeouts = { connectTimeoutMs: 100, responseTimeoutMs: 300 }) =>
  createCmClient({ baseUrl: f.sim.url, ...timeouts }).send({
    productToken: f.account.productToken,
    request: request(),
  });

describe("fault injection", () => {
  it("a hanging gateway gives the client a retryable timeout", async () => {
    await f.control("POST", "/_sim/faults", { type: "hang", times: 1 });
    const result = await send();
    expect(result).toMatchObject({ kind: "transport", reason: "timeout", retryable: true });
    // One-shot: the next send goes through.
    expect(await send()).toMatchObject({ kind: "accepted" });
  });

  it("a slow answer past the deadline is a timeout; within it, accepted", async () => {
    await f.control("POST", "/_sim/faults", [
      { type: "slow", delayMs: 2_000, times: 1 },
      { type: "slow", delayMs: 20, times: 1 },
    ]);
    expect(await send()).toMatchObject({ kind: "transport", reason: "timeout" });
    expect(await send()).toMatchObject({ kind: "accepted" });
  });

  it("a 5xx without a CM body is a retryable HTTP transport failure", async () => {
    await f.control("POST", "/_sim/faults", { type: "http_error", status: 502, times: 1 });
    expect(await send()).toMatchObject({ kind: "transport", reason: "http", status: 502, retryable: true });
  });

  it.each([500, 999])("CM code %i is a retryable rejection (request and message level)", async (code) => {
    await f.control("POST", "/_sim/faults", [
      { type: "reject", code, times: 1 },
      { type: "reject", code, scope: "message", times: 1 },
    ]);
    expect(await send()).toMatchObject({ kind: "rejected", code, requestCode: code, retryable: true });
    expect(await send()).toMatchObject({ kind: "rejected", code, requestCode: 201, retryable: true });
  });

  it("a CM 102 (balance) is a permanent rejection; persistent faults stay until cleared", async () => {
    await f.control("POST", "/_sim/faults", { type: "reject", code: 102 });
    expect(await send()).toMatchObject({ kind: "rejected", code: 102, retryable: false });
    expect(await send()).toMatchObject({ kind: "rejected", code: 102 });
    await f.control("DELETE", "/_sim/faults");
    expect(await send()).toMatchObject({ kind: "accepted" });
  });

  it("rejects an invalid fault with 400", async () => {
    const { status } = await f.control("POST", "/_sim/faults", { type: "explode" });
    expect(status).toBe(400);
  });
});

describe("token secrecy against the simulator", () => {
  it("no result carries the token, whatever goes wrong", async () => {
    const token = f.account.productToken;
    await f.control("POST", "/_sim/faults", [
      { type: "hang", times: 1 },
      { type: "http_error", status: 503, body: `token was ${token}`, times: 1 },
      { type: "reject", code: 101, details: `unknown token ${token}`, times: 1 },
      { type: "reject", code: 305, scope: "message", details: `field ${token}`, times: 1 },
    ]);
    const results = [await send(), await send(), await send(), await send()];
    results.push(
      await createCmClient({ baseUrl: "http://127.0.0.1:1", connectTimeoutMs: 200, responseTimeoutMs: 200 }).send({
        productToken: token,
        request: request(),
      }),
    );
    expect(results.map((r) => r.kind)).toEqual(["transport", "transport", "rejected", "rejected", "transport"]);
    for (const r of results) expect(JSON.stringify(r)).not.toContain(token);
  });
});
