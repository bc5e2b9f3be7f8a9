import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveAppSecret } from "./app-secret";

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "app-secret-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("resolveAppSecret", () => {
  it("uses APP_SECRET when set and writes nothing", () => {
    const dir = freshDir();
    expect(resolveAppSecret({ APP_SECRET: "x".repeat(40), DATA_DIR: dir })).toEqual({
      secret: "x".repeat(40),
      generated: false,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("generates one secret once, keeps it, and leaves no draft file behind", () => {
    const dir = freshDir();
    const first = resolveAppSecret({ APP_SECRET: undefined, DATA_DIR: dir });
    const second = resolveAppSecret({ APP_SECRET: undefined, DATA_DIR: dir });
    expect(first.generated).toBe(true);
    expect(second).toEqual({ secret: first.secret, generated: false });
    expect(readdirSync(dir)).toEqual(["app-secret"]);
    expect(readFileSync(join(dir, "app-secret"), "utf8").trim()).toBe(first.secret);
  });

  it("refuses a file that holds no usable secret instead of replacing it", () => {
    const dir = freshDir();
    writeFileSync(join(dir, "app-secret"), "short\n");
    expect(() => resolveAppSecret({ APP_SECRET: undefined, DATA_DIR: dir })).toThrow(/no usable secret/);
    expect(readdirSync(dir)).toEqual(["app-secret"]);
  });
});
