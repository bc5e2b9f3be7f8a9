import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

// Sweeps every route handler under app/api: without a session each answers 401, an agent
// gets 403 from every admin route. The only routes allowed to answer without a session are
// listed here, each with its reason.
const PUBLIC_ROUTES = new Map<string, string>([
  ["health", "load balancers and monitors probe it"],
  ["ready", "the proxy's health check and the container's HEALTHCHECK probe it"],
  ["auth/[...all]", "sign-in itself; better-auth checks credentials and sessions"],
  ["webhooks/cm/[secret]/[kind]", "CM posts webhooks; the secret in the URL is the credential"],
  [
    "v1/openapi.json",
    "the public API's description: it holds no data, and integrators read it before they have a token",
  ],
]);

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
const API_DIR = join(import.meta.dirname);

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === "route.ts" ? [path] : [];
  });
}

const routes = routeFiles(API_DIR).map((file) => ({
  file,
  name: relative(API_DIR, file).replace(/\/?route\.ts$/, ""),
}));

type THandler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(name: string, handler: THandler, method: string, cookie?: string): Promise<Response> {
  const path = `/api/${name.replace(/\[\.\.\.(\w+)\]/g, "x").replace(/\[(\w+)\]/g, "x")}`;
  const request = new NextRequest(`${TEST_APP_URL}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    ...(method === "GET" ? {} : { body: "{}" }),
  });
  const params = Promise.resolve(
    Object.fromEntries([...name.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => [m[1], "x"])),
  );
  return handler(request, { params });
}

describe("the public-route list", () => {
  it("names only routes that exist", () => {
    const names = new Set(routes.map((r) => r.name));
    for (const name of PUBLIC_ROUTES.keys()) expect(names).toContain(name);
  });
});

describeEachDatabase("access to app/api", (ctx) => {
  let runtime: TRuntime;
  let agentCookie: string;
  let adminCookie: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    agentCookie = await signedInCookie(runtime, { email: "agent@example.com", role: "agent" });
    adminCookie = await signedInCookie(runtime, { email: "admin@example.com", role: "admin" });
  });
  afterAll(() => setRuntime(undefined));

  for (const { file, name } of routes.filter((r) => !PUBLIC_ROUTES.has(r.name))) {
    it(`/api/${name} answers 401 without a session${name.startsWith("admin") ? " and 403 to an agent" : ""}`, async () => {
      const module = (await import(file)) as Partial<Record<(typeof METHODS)[number], THandler>>;
      const methods = METHODS.filter((m) => typeof module[m] === "function");
      expect(methods.length).toBeGreaterThan(0);
      for (const method of methods) {
        const handler = module[method] as THandler;
        const anonymous = await call(name, handler, method);
        expect(anonymous.status, `${method} /api/${name} without a session`).toBe(401);
        if (name.startsWith("admin")) {
          const asAgent = await call(name, handler, method, agentCookie);
          expect(asAgent.status, `${method} /api/${name} as an agent`).toBe(403);
          const asAdmin = await call(name, handler, method, adminCookie);
          expect([401, 403], `${method} /api/${name} as an admin`).not.toContain(asAdmin.status);
        }
      }
    });
  }
});
