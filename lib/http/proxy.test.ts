import { describe, expect, it } from "vitest";
import { cameOverHttps, clientAddress } from "./proxy";

const behindOne = { trustProxy: true, trustedHops: 1 };

describe("clientAddress", () => {
  it("believes no forwarded header without TRUST_PROXY", () => {
    expect(
      clientAddress({ forwardedFor: "1.2.3.4", remoteAddress: "10.0.0.5" }, { ...behindOne, trustProxy: false }),
    ).toBe("10.0.0.5");
  });

  it("takes the entry our proxy appended, not the one the client wrote first", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; nginx appended the real peer.
    expect(clientAddress({ forwardedFor: "6.6.6.6, 203.0.113.7", remoteAddress: "10.0.0.5" }, behindOne)).toBe(
      "203.0.113.7",
    );
  });

  it("counts the configured number of proxies from the right", () => {
    const forwardedFor = "6.6.6.6, 198.51.100.2, 10.1.1.1";
    expect(clientAddress({ forwardedFor, remoteAddress: "10.0.0.5" }, { trustProxy: true, trustedHops: 2 })).toBe(
      "198.51.100.2",
    );
  });

  it("reads repeated headers as one list", () => {
    expect(clientAddress({ forwardedFor: ["6.6.6.6", "203.0.113.7"], remoteAddress: "x" }, behindOne)).toBe(
      "203.0.113.7",
    );
  });

  it("falls back to the socket when there are fewer entries than proxies", () => {
    expect(
      clientAddress({ forwardedFor: "203.0.113.7", remoteAddress: "10.0.0.5" }, { trustProxy: true, trustedHops: 2 }),
    ).toBe("10.0.0.5");
    expect(clientAddress({ forwardedFor: undefined, remoteAddress: "10.0.0.5" }, behindOne)).toBe("10.0.0.5");
    expect(clientAddress({ forwardedFor: " , ", remoteAddress: undefined }, behindOne)).toBe("unknown");
  });
});

describe("cameOverHttps", () => {
  const http = { ...behindOne, appUrl: "http://inbox.example.com" };
  it("is true whenever APP_URL is https", () => {
    expect(
      cameOverHttps({ forwardedProto: undefined }, { ...http, trustProxy: false, appUrl: "https://x.example" }),
    ).toBe(true);
  });
  it("believes X-Forwarded-Proto only behind a trusted proxy", () => {
    expect(cameOverHttps({ forwardedProto: "https" }, http)).toBe(true);
    expect(cameOverHttps({ forwardedProto: "https" }, { ...http, trustProxy: false })).toBe(false);
    expect(cameOverHttps({ forwardedProto: "http" }, http)).toBe(false);
    expect(cameOverHttps({ forwardedProto: undefined }, http)).toBe(false);
  });
  it("reads the entry our proxy wrote, not one the client added before it", () => {
    expect(cameOverHttps({ forwardedProto: "https, http" }, http)).toBe(false);
    expect(cameOverHttps({ forwardedProto: "http, HTTPS" }, http)).toBe(true);
  });
});
