import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCmClient } from "../../cm/client";
import { startFakeCm, type TFakeCm } from "../../testing/fake-cm";
import { gatewayFetch } from "./gateway-fetch";

// The fake gateway listens on loopback; here loopback counts as public, so the test sees the
// pinned fetch carry a real CM request and answer (the refusals are tested with the outbox).
vi.mock("../media/private-address", () => ({ isPrivateAddress: (address: string) => address !== "127.0.0.1" }));

describe("gatewayFetch", () => {
  let cm: TFakeCm;
  beforeAll(async () => {
    cm = await startFakeCm();
  });
  afterAll(() => cm.close());

  it("sends the CM request to the address it resolved and checked, and reads the answer", async () => {
    const asked: string[] = [];
    const fetch = gatewayFetch((name) => {
      asked.push(name);
      return Promise.resolve([{ address: "127.0.0.1", family: 4 }]);
    });
    const client = createCmClient({ baseUrl: `http://gw.pinned.test:${new URL(cm.url).port}`, fetch });
    const result = await client.send({
      productToken: "11111111-2222-3333-4444-555555555555",
      request: {
        messages: {
          msg: [{ from: "1", to: [{ number: "2" }], body: { type: "auto", content: "hi" }, reference: "r1" }],
        },
      },
    });
    expect(result.kind).toBe("accepted");
    expect(asked).toEqual(["gw.pinned.test"]);
    expect(cm.requests[0]?.headers["x-cm-producttoken"]).toBe("11111111-2222-3333-4444-555555555555");
  });

  it("refuses a name with a private address before connecting", async () => {
    const fetch = gatewayFetch(() => Promise.resolve([{ address: "10.0.0.7", family: 4 }]));
    const client = createCmClient({ baseUrl: "http://gw.private.test:1", fetch });
    const result = await client.send({
      productToken: "11111111-2222-3333-4444-555555555555",
      request: { messages: { msg: [] } },
    });
    expect(result).toMatchObject({ kind: "transport", reason: "network" });
    expect(result.kind === "transport" && result.detail).toContain("private or local address");
  });
});
