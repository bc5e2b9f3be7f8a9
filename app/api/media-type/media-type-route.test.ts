import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ZMediaTypeAnswer } from "@/lib/media/schemas";
import { setRuntime, type TRuntime } from "@/lib/runtime";
import { PROBES_PER_MINUTE } from "@/lib/server/media/probe-limit";
import { describeEachDatabase } from "@/lib/testing/databases";
import { TEST_APP_URL, createTestRuntime, signedInCookie } from "@/lib/testing/test-runtime";
import { GET } from "./route";

describeEachDatabase("GET /api/media-type", (ctx) => {
  let runtime: TRuntime;
  let ann: string;
  let bob: string;

  beforeAll(async () => {
    runtime = createTestRuntime(ctx.db);
    setRuntime(runtime);
    ann = await signedInCookie(runtime, { email: "prober-ann@example.com", role: "agent" });
    bob = await signedInCookie(runtime, { email: "prober-bob@example.com", role: "agent" });
  });
  afterAll(() => setRuntime(undefined));

  // Private targets: refused before any connection, so the test reaches nobody.
  const probe = (cookie: string, url = "http://10.0.0.1/photo") =>
    GET(new NextRequest(`${TEST_APP_URL}/api/media-type?url=${encodeURIComponent(url)}`, { headers: { cookie } }), {
      params: Promise.resolve({}),
    });

  it("answers an agent's first probes of the minute, then 429 with Retry-After; others and extensions go on", async () => {
    for (let i = 0; i < PROBES_PER_MINUTE; i++) {
      const response = await probe(ann, `http://10.0.0.${i + 1}/photo`);
      expect(response.status, `probe ${i + 1}`).toBe(200);
      expect(ZMediaTypeAnswer.parse(await response.json())).toEqual({ mimeType: null, source: null });
    }
    const refused = await probe(ann);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(body.error.message).toContain(`${PROBES_PER_MINUTE} image links a minute`);

    // The limit is the agent's own, and a type read from the link's name sends nothing.
    expect((await probe(bob)).status).toBe(200);
    const named = await probe(ann, "https://cdn.example.com/photo.png");
    expect(named.status).toBe(200);
    expect(ZMediaTypeAnswer.parse(await named.json())).toEqual({ mimeType: "image/png", source: "extension" });
  });
});
