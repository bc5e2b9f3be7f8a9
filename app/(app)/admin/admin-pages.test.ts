import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ADMINS_ONLY_PATH, requireAdminPage } from "@/lib/http/admin-page";
import { setRuntime } from "@/lib/runtime";
import { describeEachDatabase } from "@/lib/testing/databases";
import { createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";

// The admin layout's check is not enough: the App Router renders a page beside its layout
// (and alone on a client navigation), so each admin page guards its own data path.

const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(requestHeaders.current) }));

const ADMIN_DIR = import.meta.dirname;

function pageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pageFiles(path);
    return /^(page|layout)\.tsx$/.test(name) ? [path] : [];
  });
}

describe("every admin page and layout", () => {
  const files = pageFiles(ADMIN_DIR);

  it("finds the pages", () => {
    expect(files.map((f) => relative(ADMIN_DIR, f))).toEqual(expect.arrayContaining(["page.tsx", "layout.tsx"]));
    expect(files.length).toBeGreaterThan(2);
  });

  for (const file of files) {
    it(`${relative(ADMIN_DIR, file)} awaits requireAdminPage() before anything else`, () => {
      const source = readFileSync(file, "utf8");
      const body = /export default async function \w+\([^)]*\)[^{]*\{\s*([^\n]*)/.exec(source);
      expect(body, "an async default export").not.toBeNull();
      expect(body?.[1]).toBe("await requireAdminPage();");
    });
  }
});

/** The digest Next.js gives a redirect() it throws: where it sends the browser. */
async function redirectOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2];
  }
}

describeEachDatabase("requireAdminPage", (ctx) => {
  let agentCookie: string;
  let adminCookie: string;

  beforeAll(async () => {
    const runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    agentCookie = await signedInCookie(runtime, { email: "agent@example.com", role: "agent" });
    adminCookie = await signedInCookie(runtime, { email: "admin@example.com", role: "admin" });
  });
  afterAll(() => setRuntime(undefined));

  function asRequest(headers: Record<string, string>): void {
    requestHeaders.current = new Headers({ "x-inbox-path": "/admin/agents", ...headers });
  }

  it("returns the admin", async () => {
    asRequest({ cookie: adminCookie });
    await expect(requireAdminPage()).resolves.toMatchObject({ email: "admin@example.com", role: "admin" });
  });

  it("sends an agent away to the page that says why", async () => {
    asRequest({ cookie: agentCookie });
    expect(await redirectOf(requireAdminPage())).toBe(ADMINS_ONLY_PATH);
  });

  it("sends a signed-out visitor to sign-in, back here afterwards", async () => {
    asRequest({});
    expect(await redirectOf(requireAdminPage())).toBe("/sign-in?next=%2Fadmin%2Fagents");
  });
});
