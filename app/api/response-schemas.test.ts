import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { routeDeclaration } from "@/lib/http/route";

// Sweeps every route file under app/api: each handler built with `route(...)` declares its answer
// (`response`), the schema the browser's fetchers parse with and the API description is made
// from. Handlers that answer something else, or are not wrapped at all, are listed here with
// their reason; a new one fails until it is declared or listed.

/** Handlers not built with `route(...)`: "<route> <METHOD>" → why. */
const UNWRAPPED = new Map<string, string>([
  ["auth/[...all] GET", "better-auth's own endpoints and answers"],
  ["auth/[...all] POST", "better-auth's own endpoints and answers"],
  ["health GET", "a public probe for load balancers: 200 or 503 with its report, no session"],
  ["ready GET", "a public probe for proxies and orchestrators: 200 or 503, no session"],
  ["webhooks/cm/[secret]/[kind] POST", "CM's webhooks: the intake answers CM in CM's terms"],
  [
    "v1/openapi.json GET",
    "the public API's OpenAPI description, made from the operations' schemas (lib/api-v1/openapi.ts)",
  ],
]);

/** Handlers built with `route(...)` that answer a non-JSON `Response` only. */
const NO_JSON_ANSWER = new Map<string, string>([
  ["admin/reports/tables/[by]/csv GET", "a CSV download (text/csv) of the table GET admin/reports/tables/[by] answers"],
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

async function handlers(): Promise<{ key: string; handler: unknown }[]> {
  const found = await Promise.all(
    routeFiles(API_DIR).map(async (file) => {
      const name = relative(API_DIR, file).replace(/\/?route\.ts$/, "");
      const module = (await import(file)) as Partial<Record<(typeof METHODS)[number], unknown>>;
      return METHODS.filter((m) => module[m] !== undefined).map((m) => ({ key: `${name} ${m}`, handler: module[m] }));
    }),
  );
  return found.flat();
}

describe("response schemas of app/api", () => {
  it("every wrapped handler declares its answer; the others are listed with their reason", async () => {
    const all = await handlers();
    expect(all.length).toBeGreaterThan(40);
    const undeclared = all.filter(({ key, handler }) => {
      const declaration = routeDeclaration(handler);
      if (declaration === undefined) return !UNWRAPPED.has(key);
      return declaration.response === undefined && !NO_JSON_ANSWER.has(key);
    });
    expect(undeclared.map((h) => h.key)).toEqual([]);
  });

  it("lists only handlers that exist and are as the list says", async () => {
    const all = new Map((await handlers()).map(({ key, handler }) => [key, handler]));
    for (const key of UNWRAPPED.keys()) {
      expect(all.has(key), key).toBe(true);
      expect(routeDeclaration(all.get(key)), `${key} is wrapped now: declare its response`).toBeUndefined();
    }
    for (const key of NO_JSON_ANSWER.keys()) expect(routeDeclaration(all.get(key)), key).toBeDefined();
  });
});
