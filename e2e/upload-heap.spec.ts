import { createHash, randomFillSync } from "node:crypto";
import { expect, test } from "@playwright/test";
import { BASE_URL, DEMO_AGENT, signIn } from "./support/auth";

// `npm start` runs with a 192 MB heap on the embedded database by default: a phone photo
// must not take it down, nor several at once (issue 16, item 2).

const EIGHT_MB = 8 * 1024 * 1024;

/** A PNG signature, then random bytes (incompressible, like a photo's) up to Instagram's limit. */
function photo(): Buffer {
  const bytes = randomFillSync(Buffer.alloc(EIGHT_MB));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

test("four 8 MB images uploaded at once, three times over, are stored and served and the server stays up", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO_AGENT);
  for (let round = 0; round < 3; round++) {
    const images = Array.from({ length: 4 }, photo);
    const answers = await Promise.all(
      images.map((image) =>
        page.request.post("/api/uploads", {
          headers: { "content-type": "image/png", origin: BASE_URL },
          data: image,
          timeout: 120_000,
        }),
      ),
    );
    expect(answers.map((a) => a.status())).toEqual([201, 201, 201, 201]);
    for (const [i, answer] of answers.entries()) {
      const { upload } = (await answer.json()) as { upload: { url: string; size: number } };
      expect(upload.size).toBe(EIGHT_MB);
      const served = await page.request.get(new URL(upload.url).pathname);
      expect(served.status()).toBe(200);
      expect(sha(await served.body())).toBe(sha(images[i]!));
    }
  }
  expect((await page.request.get("/api/health")).status()).toBe(200);
});
