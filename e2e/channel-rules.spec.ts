import { expect, test } from "@playwright/test";
import { DEMO_AGENT, SAME_ORIGIN, signIn } from "./support/auth";
import { customerWrites, sentMessages } from "./support/simulator";

const igsidFor = (base: number) => String(base + Math.floor(Math.random() * 1e8));

test("after 24 hours without a customer message the reply window is closed and nothing can be sent", async ({
  page,
  request,
}) => {
  const igsid = igsidFor(5_100_000_000);
  const yesterday = new Date(Date.now() - 25 * 3_600_000).toISOString();
  await customerWrites(request, { igsid, name: "Late Larry", username: "larry", text: "hello?", timeUtc: yesterday });
  await signIn(page, DEMO_AGENT);
  await page.goto("/");
  const row = page.getByRole("listitem", { name: "Late Larry" });
  await expect(row).toContainText("Window closed");
  await row.getByRole("link").click();

  await expect(page.getByRole("status", { name: "Messaging window" })).toContainText("Reply window closed");
  await expect(page.getByRole("status", { name: "Why you cannot reply" })).toContainText("within 24 hours");
  await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();
  // The server refuses too, whatever the browser does.
  const conversationUrl = new URL(page.url()).pathname.replace("/c/", "/api/conversations/");
  const refused = await page.request.post(`${conversationUrl}/messages`, {
    headers: SAME_ORIGIN,
    data: { content: { kind: "text", text: "sneaky" } },
  });
  expect(refused.status()).toBe(409);
  expect(await sentMessages(request, igsid)).toEqual([]);

  // The customer writes again: the window reopens live.
  await customerWrites(request, { igsid, name: "Late Larry", username: "larry", text: "anyone?" });
  await expect(page.getByRole("status", { name: "Messaging window" })).toContainText("Reply window open");
  await expect(page.getByRole("status", { name: "Why you cannot reply" })).toHaveCount(0);
});

test("a HUMAN_AGENT answer hands the chat over; sending takes it back after confirming", async ({ page, request }) => {
  const igsid = igsidFor(5_200_000_000);
  await customerWrites(request, { igsid, name: "Hannah Human", username: "hannah", text: "I need help" });
  await signIn(page, DEMO_AGENT);
  await page.goto("/");
  await page.getByRole("listitem", { name: "Hannah Human" }).getByRole("link").click();
  await expect(page.getByRole("status", { name: "Messaging window" })).toContainText("Reply window open");

  await customerWrites(request, {
    igsid,
    name: "Hannah Human",
    username: "hannah",
    quickReply: { label: "Talk to live agent", postbackData: "HUMAN_AGENT" },
  });
  await expect(page.getByRole("status", { name: "Handover" })).toContainText("Handed over to the Instagram inbox");
  await expect(page.getByRole("listitem", { name: "Hannah Human" })).toContainText("Handed over");

  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill("This is Alex from the shop, how can I help?");
  const send = page.getByRole("button", { name: "Send and take back" });
  await expect(send).toBeDisabled();
  await page.getByRole("checkbox").check();
  await send.click();
  await expect(
    page.getByRole("listitem", { name: "You: This is Alex from the shop, how can I help?" }).getByRole("status", {
      name: "Delivery: Delivered",
    }),
  ).toBeVisible();
  await expect(page.getByRole("status", { name: "Handover" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeVisible();
});
