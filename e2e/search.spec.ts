import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO_AGENT, signIn } from "./support/auth";
import { customerWrites } from "./support/simulator";

// Search end to end: the simulator's customer writes a message, then many more, so that it is
// far back in the thread; the agent (a member of the demo account) finds it by one of its
// words and opens it there.

const FILLERS = 70;

function randomLetters(length: number): string {
  return Array.from({ length }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

/** A customer whose first message holds `word`, followed by FILLERS later ones, a minute apart. */
async function customerWithOldMessage(request: APIRequestContext, word: string) {
  const customer = {
    igsid: String(6_100_000_000 + Math.floor(Math.random() * 1e9)),
    name: `Quentin ${randomLetters(6)}`,
    username: `quentin_${randomLetters(6)}`,
  };
  const start = Date.now() - (FILLERS + 5) * 60_000;
  const at = (minute: number) => new Date(start + minute * 60_000).toISOString().slice(0, 19);
  const oldText = `Do you still have the ${word} cake I saw on Saturday?`;
  await customerWrites(request, { ...customer, text: oldText, timeUtc: at(0) });
  for (let i = 1; i <= FILLERS; i++) {
    await customerWrites(request, { ...customer, text: `filler message ${i}`, timeUtc: at(i) });
  }
  return { customer, oldText };
}

test("search finds a word of an old message and opens the thread at that message", async ({ page, request }) => {
  const word = `marzipan${randomLetters(8)}`;
  const { customer, oldText } = await customerWithOldMessage(request, word);
  await signIn(page, DEMO_AGENT);
  await page.goto("/");

  const box = page.getByRole("searchbox", { name: "Search conversations" });
  await box.fill(word.slice(0, 12).toUpperCase());
  const result = page.getByRole("option", { name: new RegExp(`${customer.name}.*${word}`) });
  await expect(result).toBeVisible();
  await expect(result.locator("mark").filter({ hasText: word })).toHaveCount(1);
  await result.click();

  await expect(page).toHaveURL(/\/c\/[^/?]+\?message=/);
  await expect(page.getByRole("heading", { name: customer.name })).toBeVisible();
  const target = page.getByRole("listitem", { name: `Customer: ${oldText}` });
  await expect(target).toBeInViewport();
  await expect(target).toHaveAttribute("aria-current", "true");
  // The thread was opened far back: the newest message is not shown until scrolled down to.
  const newest = page.getByRole("listitem", { name: `Customer: filler message ${FILLERS}` });
  await expect(newest).toHaveCount(0);
  await page.getByRole("button", { name: "Show newer messages" }).click();
  await expect(newest).toBeVisible();
  await expect(target).toHaveAttribute("aria-current", "true");
});

test("the keyboard walks the results, Enter opens one, Escape clears the box", async ({ page, request }) => {
  const word = `quince${randomLetters(8)}`;
  const { customer, oldText } = await customerWithOldMessage(request, word);
  await signIn(page, DEMO_AGENT);
  await page.goto("/");

  const box = page.getByRole("searchbox", { name: "Search conversations" });
  await box.fill(customer.name);
  const contact = page.getByRole("option", { name: new RegExp(customer.name) }).first();
  await expect(contact).toBeVisible();
  await box.press("Escape");
  await expect(box).toHaveValue("");
  await expect(page.getByRole("listbox", { name: "Search results" })).toHaveCount(0);

  await box.fill(`saturday ${word}`);
  const result = page.getByRole("option", { name: new RegExp(word) });
  await expect(result).toBeVisible();
  await box.press("ArrowDown");
  await expect(result).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(page.getByRole("listitem", { name: `Customer: ${oldText}` })).toBeInViewport();

  await box.fill(`${word} nothingmatches`);
  await expect(page.getByText(`No conversations match “${word} nothingmatches”`)).toBeVisible();
});

test("search works at phone width", async ({ browser, request }) => {
  const word = `kumquat${randomLetters(8)}`;
  const { oldText } = await customerWithOldMessage(request, word);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, DEMO_AGENT);
  await page.goto("/");
  const box = page.getByRole("searchbox", { name: "Search conversations" });
  await box.fill(word);
  const result = page.getByRole("option", { name: new RegExp(word) });
  await expect(result).toBeInViewport();
  const list = await page.getByRole("listbox", { name: "Search results" }).boundingBox();
  expect(list && list.x >= 0 && list.x + list.width <= 390).toBe(true);
  await result.click();
  await expect(page.getByRole("listitem", { name: `Customer: ${oldText}` })).toHaveAttribute("aria-current", "true");
  await context.close();
});
