// Run by uploads-heap.test.ts in a child process with `npm start`'s heap limit
// (--max-old-space-size=192): it stores and serves 8 MB images, several at once, through the
// upload route and the /media handler on one database kind, and exits 0 only if all went well.
// A heap overflow kills the process ("Reached heap limit"), which the test sees.
import { createHash, randomFillSync } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { INSTAGRAM_LIMITS as L } from "@/lib/cm/limits";
import { setRuntime } from "@/lib/runtime";
import { createMediaHttpHandler } from "@/lib/server/uploads/media-http";
import { openTestDatabase } from "@/lib/testing/databases";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";
import { POST } from "./route";

const [kind = "pglite", rounds = "3", parallel = "4"] = process.argv.slice(2);
const PUBLIC_URL = "https://public.example";

/** A PNG signature, then random (incompressible, like a photo's) bytes up to Instagram's limit. */
function bigPng(): Uint8Array<ArrayBuffer> {
  const bytes = randomFillSync(new Uint8Array(L.imageMaxBytes));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const { db, close } = await openTestDatabase(kind === "postgres" ? "postgres" : "pglite");
try {
  const runtime = createTestRuntime(db, { publicUrl: PUBLIC_URL });
  setRuntime(runtime);
  const cookie = await signedInCookie(runtime, { email: "photos@example.com", role: "agent" });
  const handle = createMediaHttpHandler(() => ({ sql: db.sql, graceDays: 30 }));
  const media = createServer((req, res) => void handle(req, res));
  // Rounds on a loaded machine can leave fetch's pooled connection idle past Node's 5 s
  // keep-alive, and a reuse racing the server's close reads ECONNRESET: not what is tested.
  media.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => media.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;

  const uploadOne = async () => {
    const bytes = bigPng();
    const digest = sha(bytes);
    const response = await POST(
      new NextRequest(`${TEST_APP_URL}/api/uploads`, {
        method: "POST",
        headers: { cookie, "content-type": "image/png" },
        body: bytes,
      }),
      { params: Promise.resolve({}) },
    );
    if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
    const { upload } = (await response.json()) as { upload: { url: string } };
    return { file: upload.url.slice(`${PUBLIC_URL}/media/`.length), digest };
  };
  const serveOne = async ({ file, digest }: { file: string; digest: string }) => {
    const served = await fetch(`${origin}/media/${file}`);
    const bytes = new Uint8Array(await served.arrayBuffer());
    if (served.status !== 200 || bytes.length !== L.imageMaxBytes || sha(bytes) !== digest) {
      throw new Error(`served ${served.status}, ${bytes.length} bytes, not the uploaded image`);
    }
  };

  for (let round = 0; round < Number(rounds); round++) {
    const stored = await Promise.all(Array.from({ length: Number(parallel) }, uploadOne));
    await Promise.all(stored.map(serveOne));
  }
  await new Promise<void>((resolve) => media.close(() => resolve()));
  console.log(`stored and served ${Number(rounds) * Number(parallel)} images of 8 MB on ${kind}`);
} finally {
  setRuntime(undefined);
  await close();
}
