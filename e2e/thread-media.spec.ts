import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_AGENT, signIn } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { customerWrites, SIMULATOR_URL } from "./support/simulator";

// Issue 10: the thread's order (when the inbox stored each message, not CM's whole-second
// time) and a customer's media, played from the link CM gives, with a sentence once it expires.

const newIgsid = () => String(5_000_000_000 + Math.floor(Math.random() * 1e9));

async function openConversation(page: Page, name: string): Promise<Locator> {
  await page.goto("/");
  await page.getByRole("listitem", { name }).getByRole("link").click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return page.getByRole("list", { name: "Messages" });
}

test("the customer's answer stays below the question", async ({ page, request }) => {
  const customer = { igsid: newIgsid(), name: "Quinn Order", username: "quinn.order" };
  await signIn(page, DEMO_AGENT);
  await customerWrites(request, { ...customer, text: "Can you send these boots?" });
  const thread = await openConversation(page, customer.name);

  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill("Pickup or delivery?");
  await box.press("Enter");
  const question = thread.getByRole("listitem", { name: "You: Pickup or delivery?" });
  await expect(question.getByRole("status", { name: "Delivery: Delivered" })).toBeVisible();
  // CM stamps the answer with the whole second the question was asked in: earlier by its
  // clock than the question's milliseconds, later by ours.
  const askedAt = (await question.locator("time").getAttribute("datetime")) ?? "";
  expect(askedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  await customerWrites(request, {
    ...customer,
    quickReply: { label: "Delivery", postbackData: "DELIVERY" },
    timeUtc: askedAt.slice(0, 19),
  });

  const bubbles = thread.getByRole("listitem", { name: /^(You|Customer): / });
  const lastTwo = async () => {
    const names = await bubbles.evaluateAll((items) => items.map((item) => item.getAttribute("aria-label")));
    return names.slice(-2);
  };
  // Live, as the event placed it...
  await expect.poll(lastTwo).toEqual(["You: Pickup or delivery?", "Customer: Delivery"]);
  // ...and as the server orders the thread.
  await page.reload();
  await expect(thread.getByRole("listitem", { name: "Customer: Delivery" })).toBeVisible();
  expect(await lastTwo()).toEqual(["You: Pickup or delivery?", "Customer: Delivery"]);
});

/**
 * Clicks the element's play control and sees it playing. The samples last a second or less and
 * an ended element is paused again, so they loop while the test watches.
 */
async function expectPlaysOnClick(
  media: Locator,
  position: (box: { width: number; height: number }) => { x: number; y: number },
) {
  expect(await media.evaluate((el: HTMLMediaElement) => el.paused)).toBe(true);
  await media.evaluate((el: HTMLMediaElement) => {
    el.loop = true;
  });
  const box = (await media.boundingBox()) ?? { width: 0, height: 0 };
  await media.click({ position: position(box) });
  await expect.poll(() => media.evaluate((el: HTMLMediaElement) => el.paused)).toBe(false);
  await expect
    .poll(() => media.evaluate((el: HTMLMediaElement) => el.currentTime > 0 || el.played.length > 0))
    .toBe(true);
}

/** Waits until the element has loaded its metadata (readyState ≥ HAVE_METADATA). */
async function expectMetadataLoaded(media: Locator) {
  await expect.poll(() => media.evaluate((el: HTMLMediaElement) => el.readyState)).toBeGreaterThanOrEqual(1);
}

test("a voice note and a video from the simulator play in the thread", async ({ page, request }) => {
  const customer = { igsid: newIgsid(), name: "Vera Voice", username: "vera.voice" };
  await signIn(page, DEMO_AGENT);
  await customerWrites(request, { ...customer, audio: {} });
  await customerWrites(request, { ...customer, video: {}, text: "my new boots" });
  const thread = await openConversation(page, customer.name);

  const audio = thread
    .getByRole("listitem", { name: "Customer: Voice message" })
    .getByLabel("Voice message from the customer");
  await expect(audio).toHaveAttribute("src", `${SIMULATOR_URL}/_sim/media/voice-note.wav`);
  await expectMetadataLoaded(audio);
  expect(await audio.evaluate((el: HTMLMediaElement) => el.duration)).toBeCloseTo(0.6, 1);
  // The play button sits at the left end of Chromium's audio controls.
  await expectPlaysOnClick(audio, (box) => ({ x: 20, y: box.height / 2 }));

  const videoItem = thread.getByRole("listitem", { name: "Customer: Video" });
  await expect(videoItem).toContainText("my new boots");
  const video = videoItem.getByLabel("Video from the customer");
  await expectMetadataLoaded(video);
  expect(await video.evaluate((el: HTMLVideoElement) => el.videoWidth)).toBe(64);
  // A click on the picture of a video with controls plays it.
  await expectPlaysOnClick(video, (box) => ({ x: box.width / 2, y: box.height / 3 }));
  expect(await seriousViolations(page)).toEqual([]);
});

test("an expired link says the media is gone; shares and files are links", async ({ page, request }) => {
  const customer = { igsid: newIgsid(), name: "Ella Expired", username: "ella.expired" };
  await signIn(page, DEMO_AGENT);
  await customerWrites(request, { ...customer, video: { expired: true } });
  await customerWrites(request, { ...customer, image: { expired: true, contentType: "image/jpeg" } });
  await customerWrites(request, { ...customer, share: { type: "reel", title: "Velvet boots" }, text: "these!" });
  await customerWrites(request, { ...customer, file: {} });
  const thread = await openConversation(page, customer.name);

  for (const name of ["Customer: Video", "Customer: Photo"]) {
    const item = thread.getByRole("listitem", { name });
    await expect(item.getByRole("note")).toHaveText("This media is no longer available on Instagram");
    await expect(item.getByRole("img")).toHaveCount(0);
  }

  const share = thread.getByRole("link", { name: "Shared reel: Velvet boots, opens Instagram" });
  await expect(share).toHaveAttribute("href", /^https:\/\/www\.instagram\.com\/reel\//);
  await expect(thread.getByRole("listitem", { name: "Customer: Shared reel" })).toContainText("these!");

  const file = thread.getByRole("link", { name: "Download order-details.txt (text/plain)" });
  const href = (await file.getAttribute("href")) ?? "";
  expect(href).toBe(`${SIMULATOR_URL}/_sim/media/order-details.txt`);
  expect(await (await request.get(href)).text()).toContain("Order 4711");
  expect(await seriousViolations(page)).toEqual([]);
});
