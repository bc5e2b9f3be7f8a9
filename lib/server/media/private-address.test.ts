import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "./private-address";

describe("isPrivateAddress", () => {
  it.each([
    ["loopback", "127.0.0.1"],
    ["private 10/8", "10.1.2.3"],
    ["private 172.16/12", "172.20.0.1"],
    ["private 192.168/16", "192.168.1.1"],
    ["link-local, cloud metadata", "169.254.169.254"],
    ["shared (carrier-grade NAT)", "100.64.0.1"],
    ["this network 0/8", "0.0.0.0"],
    ["this network 0/8, not zero", "0.1.2.3"],
    ["documentation TEST-NET-1", "192.0.2.10"],
    ["documentation TEST-NET-2", "198.51.100.7"],
    ["documentation TEST-NET-3", "203.0.113.200"],
    ["benchmarking 198.18/15", "198.19.255.1"],
    ["6to4 relay anycast", "192.88.99.1"],
    ["multicast", "239.1.2.3"],
    ["reserved 240/4", "250.1.2.3"],
    ["broadcast", "255.255.255.255"],
    ["IPv6 unspecified", "::"],
    ["IPv6 loopback", "::1"],
    ["IPv6 loopback in brackets", "[::1]"],
    ["IPv4-compatible loopback", "::7f00:1"],
    ["unique local", "fd00::1"],
    ["unique local fc", "fc12::1"],
    ["link-local", "fe80::1"],
    ["link-local with a zone", "fe80::1%eth0"],
    ["multicast v6", "ff02::1"],
    ["mapped loopback, dotted", "::ffff:127.0.0.1"],
    ["mapped loopback, hex (as URL parsing writes it)", "::ffff:7f00:1"],
    ["mapped private, hex", "::ffff:a00:5"],
    ["mapped documentation", "::ffff:203.0.113.1"],
    ["NAT64 of a private address", "64:ff9b::a00:1"],
    ["NAT64 of the metadata address", "64:ff9b::169.254.169.254"],
    ["local-use NAT64", "64:ff9b:1::a00:1"],
    ["documentation v6", "2001:db8::1"],
    ["Teredo", "2001:0:4136:e378::1"],
    ["6to4 of a private address", "2002:a00:1::1"],
    ["discard-only", "100::1"],
    ["not an IP address", "not-an-ip"],
  ])("refuses %s (%s)", (_, address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it("refuses every address of this machine's own interfaces", () => {
    const own = Object.values(networkInterfaces())
      .flatMap((entries) => entries ?? [])
      .map((entry) => entry.address);
    expect(own.length).toBeGreaterThan(0);
    for (const address of own) expect(isPrivateAddress(address), address).toBe(true);
  });

  it("lets public addresses through", () => {
    for (const address of [
      "93.184.216.34",
      "8.8.8.8",
      "1.1.1.1",
      "192.0.3.1",
      "198.51.101.1",
      "203.0.114.1",
      "2606:4700:4700::1111",
      "::ffff:8.8.8.8",
      "::ffff:808:808",
    ]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });
});
