import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "./route";

const PACKAGE = join(import.meta.dirname, "../../../../../node_modules/swagger-ui-dist");
const VERSION = (JSON.parse(readFileSync(join(PACKAGE, "package.json"), "utf8")) as { version: string }).version;

const get = (file: string, query = "") =>
  GET(new Request(`http://localhost/docs/api/assets/${file}${query}`), { params: Promise.resolve({ file }) });

describe("the API reference's assets", () => {
  it("serves Swagger UI's script and stylesheet from node_modules, with their types", async () => {
    const script = await get("swagger-ui-bundle.js", `?v=${VERSION}`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(Buffer.from(await script.arrayBuffer()).equals(readFileSync(join(PACKAGE, "swagger-ui-bundle.js")))).toBe(
      true,
    );
    const style = await get("swagger-ui.css", `?v=${VERSION}`);
    expect(style.headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  it("lets a browser keep a file only under the installed version's URL", async () => {
    expect((await get("swagger-ui.css", `?v=${VERSION}`)).headers.get("cache-control")).toContain("immutable");
    expect((await get("swagger-ui.css")).headers.get("cache-control")).toContain("max-age=0");
    expect((await get("swagger-ui.css", "?v=0.0.1")).headers.get("cache-control")).toContain("max-age=0");
  });

  it("serves nothing else from the package, nor from outside it", async () => {
    for (const file of ["package.json", "index.html", "swagger-initializer.js", "../package.json", "..%2Fpackage.json"])
      expect((await get(file)).status, file).toBe(404);
  });
});
