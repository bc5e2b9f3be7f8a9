import { NextRequest } from "next/server";
import { beforeAll, beforeEach, afterAll, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { createUpload } from "@/lib/server/uploads/create-upload";
import { describeEachDatabase } from "@/lib/testing/databases";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";
import { POST } from "./route";

const PNG = new Uint8Array([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  ...Array.from({ length: 392 }, (_, i) => i),
]);
const MB = 1024 * 1024;

describeEachDatabase("upload quota: bytes per user per hour, bytes stored in all", (ctx) => {
  let runtime: TRuntime;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    // Two images (of 400 bytes) an hour for each user, four in all.
    runtime = createTestRuntime(ctx.db, { uploadQuota: { hourlyBytesPerUser: 1000, totalBytes: 1600 } });
    setRuntime(runtime);
    alice = await signedInCookie(runtime, { email: "alice@example.com", role: "agent" });
    bob = await signedInCookie(runtime, { email: "bob@example.com", role: "agent" });
  });
  beforeEach(async () => {
    await ctx.db.prisma.upload.deleteMany();
  });
  afterAll(() => setRuntime(undefined));

  const upload = (cookie: string) =>
    POST(
      new NextRequest(`${TEST_APP_URL}/api/uploads`, {
        method: "POST",
        headers: { cookie, "content-type": "image/png" },
        body: Buffer.from(PNG),
      }),
      { params: Promise.resolve({}) },
    );
  const error = async (response: Response) =>
    ((await response.json()) as { error: { code: string; message: string } }).error;

  it("refuses a user's upload past their hourly bytes with 429, Retry-After and the numbers, storing nothing", async () => {
    expect((await upload(alice)).status).toBe(201);
    expect((await upload(alice)).status).toBe(201);
    const refused = await upload(alice);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    const { code, message } = await error(refused);
    expect(code).toBe("TOO_MANY_REQUESTS");
    expect(message).toMatch(
      /^You uploaded 0\.0 MB in the last hour; the limit is 0\.0 MB an hour\. Try again in \d+ min\.$/,
    );
    expect(await ctx.db.prisma.upload.count()).toBe(2);
    // Another user's hour is their own.
    expect((await upload(bob)).status).toBe(201);
  });

  it("refuses any upload once the store is full with 507 and the numbers, until uploads are deleted", async () => {
    for (const cookie of [alice, alice, bob, bob]) expect((await upload(cookie)).status).toBe(201);
    const full = await upload(alice);
    expect(full.status).toBe(507);
    expect(await error(full)).toEqual({
      code: "INSUFFICIENT_STORAGE",
      message:
        "Image storage is full: 0.0 MB of 0.0 MB are in use. Images are kept while a message or a saved reply shows them; " +
        "an admin can raise the limit (UPLOAD_TOTAL_MB) or turn on retention for an account.",
    });
    expect(await ctx.db.prisma.upload.count()).toBe(4);
    await ctx.db.prisma.upload.deleteMany({ where: { uploadedBy: { email: "alice@example.com" } } });
    expect((await upload(alice)).status).toBe(201);
  });

  it("lets uploads racing each other pass the hourly limit no further than it allows", async () => {
    const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } });
    const quota = { hourlyBytesPerUser: 1000, totalBytes: 1_000_000 };
    const now = new Date();
    const racing = Array.from({ length: 6 }, () =>
      createUpload(ctx.db.sql, { bytes: PNG, declaredType: "image/png", uploadedById: user.id, quota, now }),
    );
    const settled = await Promise.allSettled(racing);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(2);
    expect(await ctx.db.prisma.upload.count()).toBe(2);
  });

  it("says how long until enough of the user's last hour has aged out, by the clock it is given", async () => {
    const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } });
    const quota = { hourlyBytesPerUser: 20 * MB, totalBytes: 100 * MB };
    const image = new Uint8Array(8 * MB);
    image.set(PNG);
    const t0 = new Date("2026-06-01T10:00:00Z");
    const store = (minutes: number) =>
      createUpload(ctx.db.sql, {
        bytes: image,
        declaredType: "image/png",
        uploadedById: user.id,
        quota,
        now: new Date(t0.getTime() + minutes * 60_000),
      });
    await store(0);
    await store(10);
    const refusal = await store(30).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe("TOO_MANY_REQUESTS");
    // The first image ages out at 11:00: half an hour after the refused try.
    expect((refusal as AppError).details).toEqual({ retryAfterSeconds: 30 * 60 });
    expect((refusal as AppError).message).toBe(
      "You uploaded 16 MB in the last hour; the limit is 20 MB an hour. Try again in 30 min.",
    );
    // An hour after the first, only the second counts: room again.
    await expect(store(60)).resolves.toMatchObject({ size: 8 * MB });
  });
});
