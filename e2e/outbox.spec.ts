import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_AGENT, signIn } from "./support/auth";
import { SIMULATOR_URL, customerWrites, sentMessages } from "./support/simulator";

// The outbox: replies wait and retry by themselves while CM fails, leave in order when it is
// back, can be cancelled while queued, and a reply the server never got can be sent again.

const clearFaults = (request: APIRequestContext) => request.delete(`${SIMULATOR_URL}/_sim/faults`);
test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

async function openCustomer(page: Page, request: APIRequestContext, name: string): Promise<string> {
  const igsid = String(5_000_000_000 + Math.floor(Math.random() * 1e9));
  await signIn(page, DEMO_AGENT);
  await customerWrites(request, { igsid, name, username: name.toLowerCase().replace(/\W/g, ""), text: "hello?" });
  await page.goto("/");
  await page.getByRole("listitem", { name }).getByRole("link").click();
  await expect(page.getByRole("listitem", { name: "Customer: hello?" })).toBeVisible();
  return igsid;
}

async function write(page: Page, text: string) {
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill(text);
  await box.press("Enter");
  return page.getByRole("listitem", { name: `You: ${text}` });
}

test("while CM fails, a reply waits with its next try; the next one waits behind it and can be cancelled; both settle by themselves", async ({
  page,
  request,
}) => {
  const igsid = await openCustomer(page, request, "Quinn Queue");
  await request.post(`${SIMULATOR_URL}/_sim/faults`, { data: { type: "http_error", status: 503 } });

  const first = await write(page, "first, while CM is down");
  await expect(first.getByRole("status", { name: /^Delivery: Queued · next try in \d+ s$/ })).toBeVisible();
  // Replies to one customer leave in order: the second waits for the first, and can be withdrawn.
  const second = await write(page, "second, never mind");
  await expect(second.getByRole("status", { name: "Delivery: Queued" })).toBeVisible();
  await second.getByRole("button", { name: "Cancel sending" }).click();
  await expect(second.getByRole("status", { name: "Delivery: Cancelled" })).toBeVisible();
  const third = await write(page, "third, after the cancelled one");
  await expect(third.getByRole("status", { name: /^Delivery: Queued/ })).toBeVisible();

  await clearFaults(request);
  await expect(first.getByRole("status", { name: "Delivery: Delivered" })).toBeVisible({ timeout: 30_000 });
  await expect(third.getByRole("status", { name: "Delivery: Delivered" })).toBeVisible();
  await expect(second.getByRole("status", { name: "Delivery: Cancelled" })).toBeVisible();
  await expect(first.getByText("May have been sent twice")).toHaveCount(0);

  const sent = (await sentMessages(request, igsid)).map((m) => (m.msg as { body: { content: string } }).body.content);
  expect(sent).toEqual(["first, while CM is down", "third, after the cancelled one"]);
});

test("a reply written while the browser is offline leaves when it is back; one the server never got goes out on Retry", async ({
  page,
  request,
}) => {
  await openCustomer(page, request, "Olga Offline");
  // Offline: the request waits in the browser and is made once the network is back.
  await page.context().setOffline(true);
  const waiting = await write(page, "typed in a tunnel");
  await expect(waiting.getByRole("status", { name: "Delivery: Sending…" })).toBeVisible();
  await page.context().setOffline(false);
  await expect(waiting.getByRole("status", { name: "Delivery: Delivered" })).toBeVisible();

  // The request is lost on the way (the browser believes it is online): the bubble stays, failed.
  const replies = "**/api/conversations/*/messages";
  await page.route(replies, (route) => (route.request().method() === "POST" ? route.abort() : route.continue()));
  const lost = await write(page, "lost on the way");
  await expect(lost.getByRole("alert")).toContainText("Not sent: The server cannot be reached");
  await page.unroute(replies);
  await lost.getByRole("button", { name: "Retry" }).click();
  await expect(lost.getByRole("status", { name: "Delivery: Delivered" })).toBeVisible();
});
