import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "../../proxy";
import { contentSecurityPolicy, demoMediaOrigin } from "./content-security-policy";

function directive(policy: string, name: string): string {
  return policy.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";
}

describe("a page's Content-Security-Policy", () => {
  it("lets scripts run by this request's nonce only: no 'unsafe-inline', no eval in production", () => {
    const scripts = directive(contentSecurityPolicy({ nonce: "abc123==", dev: false }), "script-src");
    expect(scripts).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
  });

  it("allows eval in development only, where React's tooling needs it", () => {
    const scripts = directive(contentSecurityPolicy({ nonce: "n", dev: true }), "script-src");
    expect(scripts).toContain("'unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-inline'");
  });

  it("loads media from https and this site only, plus exactly the demo simulator's origin", () => {
    const plain = contentSecurityPolicy({ nonce: "n", dev: false });
    expect(plain).not.toMatch(/127\.0\.0\.1|localhost|http:/);
    const demo = contentSecurityPolicy({ nonce: "n", dev: false, demoMediaOrigin: "http://127.0.0.1:4010" });
    expect(directive(demo, "img-src")).toBe("img-src 'self' https: data: blob: http://127.0.0.1:4010");
    expect(directive(demo, "media-src")).toBe("media-src 'self' https: blob: http://127.0.0.1:4010");
    expect(directive(demo, "script-src")).not.toContain("127.0.0.1");
  });

  it("names the simulator's origin only in demo mode with a simulator URL", () => {
    expect(demoMediaOrigin({ DEMO_MODE: true, CM_SIMULATOR_URL: "http://127.0.0.1:4010/some/path" })).toBe(
      "http://127.0.0.1:4010",
    );
    expect(demoMediaOrigin({ DEMO_MODE: false, CM_SIMULATOR_URL: "http://127.0.0.1:4010" })).toBeUndefined();
    expect(demoMediaOrigin({ DEMO_MODE: true })).toBeUndefined();
  });
});

describe("proxy.ts", () => {
  function run(headers: Record<string, string> = {}) {
    const response = proxy(new NextRequest("http://localhost:3999/c/abc", { headers }));
    const policy = response.headers.get("content-security-policy") ?? "";
    // NextResponse.next({ request }) hands the request headers on through x-middleware-request-*.
    const onRequest = response.headers.get("x-middleware-request-content-security-policy");
    return { policy, onRequest, nonce: /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1] };
  }

  it("puts the same policy with a fresh nonce on the response and on the request Next.js renders", () => {
    const first = run();
    const second = run();
    expect(first.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.nonce).not.toBe(first.nonce);
    expect(first.onRequest).toBe(first.policy);
  });

  it("overwrites a policy the client sent, so no one chooses the nonce Next.js uses", () => {
    const { onRequest, nonce } = run({ "content-security-policy": "script-src 'nonce-chosen-by-attacker'" });
    expect(onRequest).not.toContain("chosen-by-attacker");
    expect(onRequest).toContain(`'nonce-${nonce}'`);
  });

  it("runs for pages and not for the JSON API nor build assets", () => {
    const [source] = config.matcher;
    const matches = (path: string) => new RegExp(`^${source}$`).test(path);
    for (const page of ["/", "/sign-in", "/admin/agents", "/c/abc", "/apiary", "/icon.svg"]) {
      expect(matches(page), page).toBe(true);
    }
    for (const other of ["/api", "/api/health", "/_next/static/chunks/a.js", "/_next/image"]) {
      expect(matches(other), other).toBe(false);
    }
  });
});
