import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { ZUploadAnswer } from "@/lib/media/schemas";
import { deleteUnusedUploads } from "@/lib/server/uploads/delete-unused-uploads";
import { describeEachDatabase } from "@/lib/testing/databases";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";
import { createMediaHttpHandler } from "@/lib/server/uploads/media-http";
import { POST } from "./route";

const PUBLIC_URL = "https://public.example";
const PNG = new Uint8Array([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  ...Array.from({ length: 120 }, (_, i) => i),
]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);

describeEachDatabase("POST /api/uploads and GET /media/:id", (ctx) => {
  let runtime: TRuntime;
  let cookie: string;
  // /media is served by server.ts's plain Node.js handler, before Next.js: the same here.
  let media: Server;
  let mediaOrigin: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db, { publicUrl: PUBLIC_URL, uploadRetentionDays: 30 });
    setRuntime(runtime);
    cookie = await signedInCookie(runtime, { email: "uploader@example.com", role: "agent" });
    const handle = createMediaHttpHandler(() => ({ sql: ctx.db.sql, graceDays: 30 }));
    media = createServer((req, res) => {
      if (!handle(req, res)) res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => media.listen(0, "127.0.0.1", resolve));
    mediaOrigin = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    setRuntime(undefined);
    await new Promise<void>((resolve) => media.close(() => resolve()));
  });

  const upload = (body: Uint8Array, type: string, headers: Record<string, string> = { cookie }) =>
    POST(
      new NextRequest(`${TEST_APP_URL}/api/uploads`, {
        method: "POST",
        headers: { "content-type": type, ...headers },
        body: Buffer.from(body),
      }),
      { params: Promise.resolve({}) },
    );
  const serve = (file: string, method = "GET") => fetch(`${mediaOrigin}/media/${file}`, { method });
  const fileOf = (url: string) => url.slice(`${PUBLIC_URL}/media/`.length);
  const idOf = (url: string) => fileOf(url).replace(/\.\w+$/, "");
  const reason = async (response: Response) =>
    ((await response.json()) as { error: { message: string } }).error.message;

  it("stores an image and serves the same bytes, without a session, with its type and a year's cache", async () => {
    const response = await upload(PNG, "image/png");
    expect(response.status).toBe(201);
    const { upload: stored } = ZUploadAnswer.parse(await response.json());
    expect(stored).toMatchObject({ mimeType: "image/png", size: PNG.length, name: "image.png" });
    expect(stored.url).toMatch(/^https:\/\/public\.example\/media\/[A-Za-z0-9_-]{43}\.png$/);

    const served = await serve(fileOf(stored.url));
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("content-length")).toBe(String(PNG.length));
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    const head = await serve(fileOf(stored.url), "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("image/png");
    expect(head.headers.get("content-length")).toBe(String(PNG.length));
    expect((await serve(fileOf(stored.url), "POST")).status).toBe(405);

    const row = await ctx.db.prisma.upload.findUniqueOrThrow({ where: { id: idOf(stored.url) } });
    expect(row.sha256).toBe(createHash("sha256").update(PNG).digest("hex"));
  });

  it("takes the type from the bytes when the browser declares none", async () => {
    const { upload: stored } = ZUploadAnswer.parse(await (await upload(JPEG, "application/octet-stream")).json());
    expect(stored).toMatchObject({ mimeType: "image/jpeg", name: "image.jpg" });
  });

  it("refuses a file whose content is not an accepted image, or disagrees with its declared type (415)", async () => {
    const before = await ctx.db.prisma.upload.count();
    const svg = new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
    const asSvg = await upload(svg, "image/svg+xml");
    expect(asSvg.status).toBe(415);
    expect(await reason(asSvg)).toContain("not an image Instagram takes");
    const lying = await upload(svg, "image/png");
    expect(lying.status).toBe(415);
    const mismatch = await upload(JPEG, "image/png");
    expect(mismatch.status).toBe(415);
    expect(await reason(mismatch)).toBe("The file says it is image/png but its content is image/jpeg.");
    expect(await ctx.db.prisma.upload.count()).toBe(before);
  });

  it("refuses an empty file (400) and one over Instagram's 8 MB (413), storing nothing", async () => {
    const before = await ctx.db.prisma.upload.count();
    const empty = await upload(new Uint8Array(), "image/png");
    expect(empty.status).toBe(400);
    expect(await reason(empty)).toBe("The file is empty.");
    const big = new Uint8Array(L.imageMaxBytes + 1);
    big.set(PNG);
    const tooBig = await upload(big, "image/png");
    expect(tooBig.status).toBe(413);
    expect(await reason(tooBig)).toBe("Instagram takes images up to 8 MB.");
    expect(await ctx.db.prisma.upload.count()).toBe(before);
  });

  it("needs a signed-in user to upload", async () => {
    expect((await upload(PNG, "image/png", {})).status).toBe(401);
  });

  it("serves by bare id too, and answers 404 for a wrong extension, an unknown or malformed id, and an upload past retention", async () => {
    const { upload: png } = ZUploadAnswer.parse(await (await upload(PNG, "image/png")).json());
    expect((await serve(idOf(png.url))).status).toBe(200);
    expect((await serve(`${idOf(png.url)}.jpg`)).status).toBe(404);
    expect((await serve("A".repeat(43))).status).toBe(404);
    expect((await serve("..%2Fetc%2Fpasswd")).status).toBe(404);
    const { upload: stored } = ZUploadAnswer.parse(await (await upload(PNG, "image/png")).json());
    const id = idOf(stored.url);
    await ctx.db.prisma.upload.update({ where: { id }, data: { createdAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect((await serve(id)).status).toBe(404);
  });

  it("sweeps uploads past retention only, and a second sweep finds nothing", async () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const day = 86_400_000;
    const make = async (ageDays: number) => {
      const { upload: stored } = ZUploadAnswer.parse(await (await upload(PNG, "image/png")).json());
      const id = idOf(stored.url);
      await ctx.db.prisma.upload.update({
        where: { id },
        data: { createdAt: new Date(now.getTime() - ageDays * day) },
      });
      return id;
    };
    await ctx.db.prisma.upload.deleteMany();
    const old = await make(31);
    const edge = await make(30);
    const fresh = await make(29.9);
    expect(await deleteUnusedUploads(ctx.db.prisma, { now, graceDays: 30 })).toBe(2);
    const left = (await ctx.db.prisma.upload.findMany({ select: { id: true } })).map((u) => u.id);
    expect(left).toEqual([fresh]);
    expect(left).not.toContain(old);
    expect(left).not.toContain(edge);
    expect(await deleteUnusedUploads(ctx.db.prisma, { now, graceDays: 30 })).toBe(0);
  });
});
