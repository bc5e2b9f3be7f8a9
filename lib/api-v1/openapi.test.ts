import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { answerProblems, openApiProblems } from "./openapi-check";
import { openApiDocument } from "./openapi";

const V1_DIR = join(import.meta.dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === "route.ts" ? [path] : [];
  });
}

describe("the OpenAPI description of /api/v1", () => {
  const document = openApiDocument("test") as { paths: Record<string, Record<string, unknown>> };

  it("is a valid OpenAPI 3.1 document", () => {
    expect(openApiProblems(document)).toEqual([]);
    // And the check finds a broken one.
    expect(openApiProblems({ ...document, paths: { "no-slash": {} } })).not.toEqual([]);
  });

  it("describes every route under app/api/v1, and nothing else", async () => {
    const served: string[] = [];
    for (const file of routeFiles(V1_DIR)) {
      const path = `/${relative(V1_DIR, file).replace(/\/?route\.ts$/, "")}`.replace(/\[(\w+)\]/g, "{$1}");
      if (path === "/openapi.json") continue;
      const module = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) if (typeof module[method] === "function") served.push(`${method} ${path}`);
    }
    const described = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(served.length).toBeGreaterThan(0);
    expect(described.sort()).toEqual(served.sort());
  });

  it("files every operation under one of its declared sections", () => {
    const declared = new Set((document as unknown as { tags: { name: string }[] }).tags.map((tag) => tag.name));
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item)) as { tags: string[] }[];
    expect(operations.every((op) => op.tags.length === 1 && declared.has(op.tags[0] ?? ""))).toBe(true);
    expect(new Set(operations.map((op) => op.tags[0])).size).toBe(declared.size);
  });

  it("checks answers against the description", () => {
    expect(answerProblems("GET", "/accounts", 200, { data: [], nextCursor: null })).toEqual([]);
    expect(answerProblems("GET", "/accounts", 200, { data: [{ id: 1 }], nextCursor: null })).not.toEqual([]);
    expect(answerProblems("GET", "/accounts", 401, { error: { code: "UNAUTHORIZED", message: "x" } })).toEqual([]);
    expect(answerProblems("GET", "/accounts", 401, { message: "x" })).not.toEqual([]);
    expect(answerProblems("GET", "/nowhere", 200, {})).not.toEqual([]);
  });
});
