import type * as os from "node:os";
import { describe, expect, it, vi } from "vitest";
import { isPrivateAddress } from "./private-address";

// A server with a public address of its own: a probe of that address would loop back to us.
vi.mock("node:os", async (importOriginal) => ({
  ...(await importOriginal<typeof os>()),
  networkInterfaces: () => ({
    eth0: [
      { address: "93.184.216.34", family: "IPv4", internal: false, netmask: "255.255.255.0", mac: "", cidr: null },
      {
        address: "2606:2800:220:1::248",
        family: "IPv6",
        internal: false,
        netmask: "ffff:ffff:ffff:ffff::",
        mac: "",
        cidr: null,
        scopeid: 0,
      },
    ],
  }),
}));

describe("isPrivateAddress on a host with public addresses", () => {
  it("refuses the host's own public addresses, in any spelling, and nothing else public", () => {
    expect(isPrivateAddress("93.184.216.34")).toBe(true);
    expect(isPrivateAddress("::ffff:93.184.216.34")).toBe(true);
    expect(isPrivateAddress("2606:2800:220:1:0:0:0:248")).toBe(true);
    expect(isPrivateAddress("93.184.216.35")).toBe(false);
  });
});
