import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { BASE_URL, DEMO_AGENT, SAME_ORIGIN, signIn } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { customerWrites, sentMessages } from "./support/simulator";

// Issue 11, saved replies: made on their page with the visual composer, inserted in a
// conversation with "/" and their code, placeholders filled for the customer and the agent.

const newIgsid = () => String(7_000_000_000 + Math.floor(Math.random() * 1e9));

/** A customer writes first; the agent opens the conversation. Names carry the IGSID's tail. */
async function openConversation(page: Page, request: APIRequestContext, first: string) {
  const igsid = newIgsid();
  const name = `${first} ${igsid.slice(-6)}`;
  await customerWrites(request, { igsid, name, username: `user${igsid}`, text: "hi!" });
  await page.goto("/");
  await page.getByRole("listitem", { name }).getByRole("link").click();
  await expect(page.getByRole("listitem", { name: "Customer: hi!" })).toBeVisible();
  return { igsid, name, box: page.getByRole("textbox", { name: "Message" }) };
}

async function sentTo(request: APIRequestContext, igsid: string, count: number) {
  await expect.poll(async () => (await sentMessages(request, igsid)).length).toBe(count);
  return sentMessages(request, igsid);
}

test("a saved carousel is picked with / and its code, opens in the rich composer filled, and is sent", async ({
  page,
  request,
}) => {
  const code = `boots-${Date.now() % 1_000_000}`;
  await signIn(page, DEMO_AGENT);
  const created = await page.request.post(`${BASE_URL}/api/saved-replies`, {
    headers: SAME_ORIGIN,
    data: {
      code,
      title: "Boots and sneakers",
      content: {
        kind: "carousel",
        cards: [
          { header: "For {{customer.name}}", text: "Winter boots" },
          { header: "Sneakers", buttons: [{ kind: "reply", label: "I want these", postbackData: "SNEAKERS" }] },
        ],
      },
    },
  });
  expect(created.status()).toBe(200);

  const { igsid, name, box } = await openConversation(page, request, "Cara Carousel");
  await box.fill("/");
  const picker = page.getByRole("listbox", { name: "Saved replies" });
  await expect(picker).toBeVisible();
  await box.pressSequentially(code.slice(0, 8));
  const option = picker.getByRole("option", { name: /Boots and sneakers/ });
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id")) ?? "");
  expect(await seriousViolations(page)).toEqual([]);
  await box.press("Enter");

  const composer = page.getByRole("form", { name: "Rich message" });
  await expect(composer.getByRole("tab", { name: "Carousel" })).toHaveAttribute("aria-selected", "true");
  const card1 = composer.getByRole("tabpanel").getByRole("group", { name: "Card 1", exact: true });
  await expect(card1.getByRole("textbox", { name: "Title", exact: true })).toHaveValue(`For ${name}`);
  await composer.getByRole("button", { name: "Send", exact: true }).click();

  const [sent] = await sentTo(request, igsid, 1);
  expect(sent?.msg).toMatchObject({
    richContent: {
      conversation: [
        {
          carousel: {
            cards: [
              { header: `For ${name}`, text: "Winter boots" },
              {
                header: "Sneakers",
                suggestions: [{ action: "Reply", label: "I want these", postbackdata: "SNEAKERS" }],
              },
            ],
          },
        },
      ],
    },
  });
});

test("an agent creates, edits and deletes a text reply on the page; inserted, its placeholders are filled", async ({
  page,
  request,
}) => {
  const code = `greet-${Date.now() % 1_000_000}`;
  await signIn(page, DEMO_AGENT);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved replies" }).click();
  await expect(page.getByRole("heading", { name: "Saved replies", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "New saved reply" }).click();
  const editor = page.getByRole("region", { name: "New saved reply" });
  await editor.getByRole("textbox", { name: "Code" }).fill(code);
  await editor.getByRole("textbox", { name: "Title" }).fill("Greeting");
  const composer = editor.getByRole("form", { name: "Saved reply content" });
  await expect(composer.getByRole("tab", { name: "Text" })).toHaveAttribute("aria-selected", "true");
  const template = "Hi {{customer.name}}, {{agent.name}} here. How can I help?";
  await composer.getByRole("textbox", { name: "Text" }).fill(template);
  // The preview shows the placeholders as typed: they are filled only in a conversation.
  await expect(composer.getByRole("region", { name: "Instagram preview" })).toContainText(template);
  expect(await seriousViolations(page)).toEqual([]);
  await composer.getByRole("button", { name: "Save reply" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved “Greeting” as /${code}.` })).toBeVisible();
  const row = page.getByRole("listitem", { name: "Greeting", exact: true });
  await expect(row).toContainText(`/${code} · Text · by Alex Agent`);

  // The same code twice: the server's 409 is shown, and the editor stays open with the draft.
  await page.getByRole("button", { name: "New saved reply" }).click();
  await editor.getByRole("textbox", { name: "Code" }).fill(code);
  await editor.getByRole("textbox", { name: "Title" }).fill("Copy");
  await composer.getByRole("textbox", { name: "Text" }).fill("Hello");
  await composer.getByRole("button", { name: "Save reply" }).click();
  await expect(editor.getByRole("alert")).toHaveText(`The code “/${code}” is taken: choose another.`);
  await composer.getByRole("button", { name: "Cancel" }).click();

  await row.getByRole("button", { name: /^Edit/ }).click();
  const edit = page.getByRole("region", { name: "Edit “Greeting”" });
  await expect(edit.getByRole("textbox", { name: "Text" })).toHaveValue(template);
  await edit.getByRole("textbox", { name: "Title" }).fill("Warm greeting");
  await edit.getByRole("button", { name: "Save reply" }).click();
  const renamed = page.getByRole("listitem", { name: "Warm greeting" });
  await expect(renamed).toBeVisible();
  await expect(row).toBeHidden();

  const { igsid, name, box } = await openConversation(page, request, "Pat Placeholder");
  await box.pressSequentially(`/${code}`);
  await expect(page.getByRole("listbox", { name: "Saved replies" }).getByRole("option")).toHaveCount(1);
  await box.press("Enter");
  const filled = `Hi ${name}, Alex Agent here. How can I help?`;
  await expect(box).toHaveValue(filled);
  await box.press("End");
  await box.pressSequentially(" :)");
  await box.press("Enter");
  const [sent] = await sentTo(request, igsid, 1);
  expect(JSON.stringify(sent?.msg)).toContain(`${filled} :)`);

  await page.goto("/saved-replies");
  await renamed.getByRole("button", { name: /^Delete/ }).click();
  await renamed
    .getByRole("group", { name: "Delete Warm greeting" })
    .getByRole("button", { name: "Yes, delete" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Deleted “Warm greeting”." })).toBeVisible();
  await expect(renamed).toBeHidden();
});

test("Esc closes the picker, and a text starting with / can then be sent as it is", async ({ page, request }) => {
  await signIn(page, DEMO_AGENT);
  const { igsid, box } = await openConversation(page, request, "Sam Slash");
  await box.pressSequentially("/nothing-matches-this");
  await expect(page.getByRole("status").filter({ hasText: "No saved reply matches" })).toBeVisible();
  await box.press("Enter");
  await expect(box).toHaveValue("/nothing-matches-this");
  await box.press("Escape");
  await expect(page.getByRole("status").filter({ hasText: "No saved reply matches" })).toBeHidden();
  await box.press("Enter");
  const [sent] = await sentTo(request, igsid, 1);
  expect(JSON.stringify(sent?.msg)).toContain("/nothing-matches-this");
});

test("at phone width the page and its editor fit and stay accessible", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO_AGENT);
  await page.goto("/saved-replies");
  await page.getByRole("button", { name: "New saved reply" }).click();
  await expect(page.getByRole("tab", { name: "Carousel" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // Nothing wider than the screen: no sideways scrolling, in the page or in its scrolling main area.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect(await page.getByRole("main").evaluate((main) => main.scrollWidth - main.clientWidth)).toBeLessThanOrEqual(0);
});
