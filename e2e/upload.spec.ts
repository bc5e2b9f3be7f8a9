import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { z } from "zod";
import { DEMO_AGENT, signIn } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { customerWrites, sentMessages } from "./support/simulator";

// A real 2×2 PNG, so the preview shows and the server's byte check passes.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4zwAE/xkgFAAb8gP91pbyKwAAAABJRU5ErkJggg==",
  "base64",
);

const newIgsid = () => String(7_000_000_000 + Math.floor(Math.random() * 1e9));

const ZSentMedia = z.object({
  msg: z.object({
    richContent: z.object({
      conversation: z.array(
        z.object({
          media: z.object({ mediaName: z.string(), mediaUri: z.string(), mimeType: z.string() }).optional(),
          carousel: z.unknown().optional(),
        }),
      ),
    }),
  }),
});

async function openConversation(page: Page, request: APIRequestContext, igsid: string, name: string) {
  const shown = `${name} ${igsid.slice(-6)}`;
  await customerWrites(request, { igsid, name: shown, username: `user${igsid}`, text: "hello" });
  await signIn(page, DEMO_AGENT);
  await page.goto("/");
  await page.getByRole("listitem", { name: shown }).getByRole("link").click();
  await expect(page.getByRole("listitem", { name: "Customer: hello" })).toBeVisible();
  const composer = page.getByRole("form", { name: "Rich message" });
  return { composer, editor: composer.getByRole("tabpanel") };
}

async function openRichComposer(page: Page, request: APIRequestContext, igsid: string, name: string) {
  const opened = await openConversation(page, request, igsid, name);
  await page.getByRole("button", { name: "Rich message" }).click();
  return opened;
}

/** Drops a file on `target` as a browser does when one is dragged from the desktop. */
async function dropFile(page: Page, target: Locator, file: { name: string; type: string; bytes: Buffer }) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, type, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
      return transfer;
    },
    { name: file.name, type: file.type, bytes: [...file.bytes] },
  );
  await target.dispatchEvent("dragover", { dataTransfer });
  await target.dispatchEvent("drop", { dataTransfer });
}

async function firstSent(request: APIRequestContext, igsid: string) {
  await expect.poll(async () => (await sentMessages(request, igsid)).length).toBe(1);
  const [sent] = await sentMessages(request, igsid);
  return ZSentMedia.parse(sent).msg.richContent.conversation[0];
}

test("an image dropped onto the composer reaches the simulator as a URL that serves the same bytes", async ({
  page,
  request,
}) => {
  const igsid = newIgsid();
  const { composer, editor } = await openRichComposer(page, request, igsid, "Dora Drop");
  await composer.getByRole("tab", { name: "Image" }).click();

  await dropFile(page, editor.getByText(/or drop or paste one here/), {
    name: "red.png",
    type: "image/png",
    bytes: PNG,
  });

  await expect(editor.getByRole("status").filter({ hasText: "Uploaded red.png." })).toBeVisible();
  await expect(editor.getByRole("img", { name: "Preview of red.png" })).toBeVisible();
  const url = editor.getByRole("textbox", { name: "Image URL" });
  await expect(url).toHaveValue(/\/media\/[A-Za-z0-9_-]{43}\.png$/);
  await expect(editor).toContainText("Image type: image/png (from the link's extension)");
  await expect(editor.getByRole("textbox", { name: /^File name/ })).toHaveValue("image.png");
  expect(await seriousViolations(page)).toEqual([]);
  const mediaUri = await url.inputValue();
  await composer.getByRole("button", { name: "Send", exact: true }).click();

  const sent = await firstSent(request, igsid);
  expect(sent?.media).toEqual({ mediaName: "image.png", mediaUri, mimeType: "image/png" });
  // Fetched as CM does: no session cookie.
  const served = await request.get(sent?.media?.mediaUri ?? "", { headers: { cookie: "" } });
  expect(served.status()).toBe(200);
  expect(Buffer.compare(await served.body(), PNG)).toBe(0);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["content-length"]).toBe(String(PNG.length));
  expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
});

test("a file Instagram would refuse is explained and not uploaded; a chosen image is", async ({ page, request }) => {
  const igsid = newIgsid();
  const { composer, editor } = await openRichComposer(page, request, igsid, "Cleo Choose");
  await composer.getByRole("tab", { name: "Image" }).click();
  const choose = editor.getByLabel("Choose image");

  await choose.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not an image") });
  await expect(editor.getByRole("alert")).toHaveText(
    /Instagram takes JPG, JPEG, PNG, GIF, ICO, BMP, WEBP images; this file is text\/plain\./,
  );
  await choose.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(8 * 1024 * 1024 + 1) });
  await expect(editor.getByRole("alert")).toHaveText("Instagram takes images up to 8 MB; this file is 8.0 MB.");
  expect(await seriousViolations(page)).toEqual([]);
  await expect(editor.getByRole("textbox", { name: "Image URL" })).toHaveValue("");

  await choose.setInputFiles({ name: "red.png", mimeType: "image/png", buffer: PNG });
  const url = editor.getByRole("textbox", { name: "Image URL" });
  await expect(url).toHaveValue(/\/media\/[A-Za-z0-9_-]{43}\.png$/);
  await expect(editor.getByRole("alert")).toHaveCount(0);
  // Dropped on the image editor: replaces the image.
  const first = await url.inputValue();
  await dropFile(page, editor.getByRole("textbox", { name: /^Caption/ }), {
    name: "again.png",
    type: "image/png",
    bytes: PNG,
  });
  await expect(editor.getByRole("img", { name: "Preview of again.png" })).toBeVisible();
  await expect(url).not.toHaveValue(first);
  await expect(url).toHaveValue(/\/media\/[A-Za-z0-9_-]{43}\.png$/);

  // A link without an extension: the server asks the link's own server for its type.
  await url.fill((await url.inputValue()).replace(/\.png$/, ""));
  await expect(editor).toContainText("Image type: image/png (from the link's server)");
});

test("an image pasted into the composer is uploaded like a dropped one", async ({ page, request }) => {
  const igsid = newIgsid();
  const { composer, editor } = await openRichComposer(page, request, igsid, "Pia Paste");
  await composer.getByRole("tab", { name: "Image" }).click();
  const caption = editor.getByRole("textbox", { name: /^Caption/ });
  // The upload waits at the network until the progress bar has been seen. Chromium's request
  // interception does not pass a Blob body on, so the held request is replayed with the same
  // bytes (checked: it is what the page sent, when Chromium reports it).
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/uploads", async (route) => {
    await gate;
    const sent = route.request().postDataBuffer();
    if (sent !== null && sent.length > 0) expect(Buffer.compare(sent, PNG)).toBe(0);
    await route.fulfill({ response: await route.fetch({ postData: PNG }) });
  });
  await caption.focus();
  await caption.evaluate(
    (field, bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], "clip.png", { type: "image/png" }));
      field.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    [...PNG],
  );
  await expect(editor.getByRole("img", { name: "Preview of clip.png" })).toBeVisible();
  const progress = editor.getByRole("progressbar", { name: "Uploading clip.png" });
  await expect(progress).toHaveAttribute("aria-valuenow", /^\d{1,3}$/);
  await expect(progress).toHaveAttribute("aria-valuemax", "100");
  release();
  await expect(progress).toHaveCount(0);
  await expect(editor.getByRole("textbox", { name: "Image URL" })).toHaveValue(/\/media\/[A-Za-z0-9_-]{43}\.png$/);
  await expect(caption).toHaveValue("");
});

test("a card's PNG link goes out as image/png named after the link, unless the agent overrides the type", async ({
  page,
  request,
}) => {
  const igsid = newIgsid();
  const { composer, editor } = await openRichComposer(page, request, igsid, "Carl Card");
  await composer.getByRole("tab", { name: "Card" }).click();
  await editor.getByRole("textbox", { name: "Title", exact: true }).fill("Red shoe");
  await editor.getByRole("textbox", { name: /^Image URL/ }).fill("https://cdn.example.com/p/shoe.png");
  await expect(editor).toContainText("Image type: image/png (from the link's extension)");
  await expect(editor.getByRole("combobox", { name: /Image type/ })).toHaveCount(0);

  await editor.getByRole("button", { name: "Override type" }).click();
  const menu = editor.getByRole("combobox", { name: "Image type (override)" });
  await menu.selectOption("image/webp");
  await expect(editor).toContainText("The link says image/png; the message will say image/webp.");
  expect(await seriousViolations(page)).toEqual([]);
  await editor.getByRole("button", { name: "Use the link's type" }).click();
  await expect(editor.getByRole("combobox", { name: /Image type/ })).toHaveCount(0);

  await composer.getByRole("button", { name: "Send", exact: true }).click();
  const sent = await firstSent(request, igsid);
  expect(sent?.media).toEqual({
    mediaName: "shoe.png",
    mediaUri: "https://cdn.example.com/p/shoe.png",
    mimeType: "image/png",
  });
});
