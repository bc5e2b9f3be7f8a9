import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, DEMO_AGENT, SAME_ORIGIN, signIn } from "./support/auth";
import { seriousViolations } from "./support/axe";
import { customerWrites } from "./support/simulator";

// Issue 11, labels and the contact panel: an admin creates a label; an agent puts it on a
// conversation, sees the chip in the list and the header, filters the list by it, and keeps
// notes about the customer in the contact panel (also on a phone).

test("a label made by the admin goes on a conversation, shows as a chip and filters the list", async ({ browser }) => {
  const run = Date.now();
  const labelName = `VIP ${run}`;
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO_ADMIN);
  await admin.goto("/admin");
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Labels" }).click();
  await expect(admin.getByRole("heading", { name: "Labels", level: 1 })).toBeVisible();
  expect(await seriousViolations(admin)).toEqual([]);
  const create = admin.getByRole("form", { name: "Create a label" });
  await create.getByLabel("Name").fill(labelName);
  await create.getByLabel("Colour").selectOption("green");
  await create.getByRole("button", { name: "Create label" }).click();
  await expect(
    admin.getByRole("region", { name: "All labels" }).getByRole("button", { name: `Edit ${labelName}` }),
  ).toBeVisible();
  // The same name in another case is refused, with the reason.
  await expect(create.getByLabel("Name")).toHaveValue("");
  await create.getByLabel("Name").fill(labelName.toLowerCase());
  await create.getByRole("button", { name: "Create label" }).click();
  await expect(create.getByRole("alert")).toContainText("already");

  const agent = await (await browser.newContext()).newPage();
  await signIn(agent, DEMO_AGENT);
  const igsid = String(8_700_000_000_000_000 + (run % 1_000_000));
  const other = String(Number(igsid) + 1);
  const name = `Label Tester ${igsid.slice(-4)}`;
  const otherName = `Plain Tester ${other.slice(-4)}`;
  await customerWrites(agent.request, { igsid, name, username: "label.tester", text: "Hello, VIP here" });
  await customerWrites(agent.request, { igsid: other, name: otherName, username: "plain.tester", text: "Hi" });

  await agent.goto("/");
  await agent.getByRole("listitem", { name }).getByRole("link").click();
  await expect(agent.getByRole("heading", { name, level: 2 })).toBeVisible();
  const labels = agent.getByRole("button", { name: "Labels", exact: true });
  await labels.click();
  await expect(labels).toHaveAttribute("aria-expanded", "true");
  await agent.getByRole("checkbox", { name: labelName }).check();
  await expect(agent.getByRole("checkbox", { name: labelName })).toBeChecked();
  expect(await seriousViolations(agent)).toEqual([]);
  await agent.keyboard.press("Escape");
  await expect(labels).toHaveAttribute("aria-expanded", "false");
  await expect(labels).toBeFocused();
  await expect(agent.getByRole("group", { name: "Conversation labels" }).getByText(labelName)).toBeVisible();
  await expect(agent.getByRole("listitem", { name })).toContainText(labelName);
  await expect(agent.getByRole("listitem", { name: otherName })).not.toContainText(labelName);

  // The other agent's (the admin's) list follows live.
  await admin.goto("/");
  await expect(admin.getByRole("listitem", { name })).toContainText(labelName);

  await agent.getByRole("button", { name: /^Filters/ }).click();
  await agent.getByRole("combobox", { name: /^Label(?!s)/ }).selectOption({ label: labelName });
  await expect(agent).toHaveURL(/[?&]label=/);
  await expect(agent.getByRole("listitem", { name })).toBeVisible();
  await expect(agent.getByRole("listitem", { name: otherName })).toBeHidden();
  await expect(agent.getByRole("list", { name: "Conversations" }).getByRole("listitem")).toHaveCount(1);
});

test("the contact panel shows the customer and keeps the notes agents write", async ({ page }) => {
  const run = Date.now();
  const igsid = String(8_600_000_000_000_000 + (run % 1_000_000));
  const name = `Contact Tester ${igsid.slice(-4)}`;
  await signIn(page, DEMO_AGENT);
  await customerWrites(page.request, { igsid, name, username: "contact.tester", text: "Who am I?" });
  await page.goto("/");
  await page.getByRole("listitem", { name }).getByRole("link").click();

  const contact = page.getByRole("region", { name: "Contact" });
  await expect(contact.getByRole("textbox", { name: "IGSID" })).toHaveValue(igsid);
  await expect(contact.getByRole("link", { name: /@contact\.tester/ })).toHaveAttribute(
    "href",
    "https://www.instagram.com/contact.tester/",
  );
  await expect(contact).toContainText("1 (1 from the customer)");
  const notes = `Prefers English, order #${run}`;
  await contact.getByLabel("Customer notes").fill(notes);
  await contact.getByRole("button", { name: "Save" }).click();
  await expect(contact).toContainText("Last edited by Alex Agent");

  await page.reload();
  await expect(page.getByRole("region", { name: "Contact" }).getByLabel("Customer notes")).toHaveValue(notes);

  // On a phone the panel waits behind the header's "Contact" button, then takes the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("region", { name: "Contact" })).toBeHidden();
  await page.getByRole("button", { name: "Contact", exact: true }).click();
  await expect(page.getByRole("region", { name: "Contact" }).getByLabel("Customer notes")).toHaveValue(notes);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("region", { name: "Contact" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Contact", exact: true })).toBeFocused();
});

test("notes saved by someone else while an agent writes are shown, never silently overwritten", async ({ browser }) => {
  const run = Date.now();
  const igsid = String(8_500_000_000_000_000 + (run % 1_000_000));
  const name = `Notes Tester ${igsid.slice(-4)}`;
  const agent = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  await signIn(agent, DEMO_AGENT);
  await signIn(admin, DEMO_ADMIN);
  await customerWrites(agent.request, { igsid, name, username: "notes.tester", text: "Hello" });
  await agent.goto("/");
  await agent.getByRole("listitem", { name }).getByRole("link").click();
  const contact = agent.getByRole("region", { name: "Contact" });
  await expect(contact.getByRole("textbox", { name: "IGSID" })).toHaveValue(igsid);
  await contact.getByLabel("Customer notes").fill("Mine: wants a refund");

  // Meanwhile the admin saves other notes (from the version both started from: none).
  const conversationId = agent.url().split("/c/")[1]?.split("?")[0] ?? "";
  const saved = await admin.request.patch(`/api/conversations/${conversationId}/contact`, {
    headers: SAME_ORIGIN,
    data: { notes: "Theirs: called on the phone", notesUpdatedAt: null },
  });
  expect(saved.status()).toBe(200);

  // The agent is told, live, and sees their version before choosing.
  const warning = contact.getByRole("alert");
  await expect(warning).toContainText("Ada Admin saved other notes while you were writing");
  await expect(warning).toContainText("Theirs: called on the phone");
  await expect(contact.getByRole("button", { name: "Save", exact: true })).toBeDisabled();
  await contact.getByRole("button", { name: "Save mine instead" }).click();
  await expect(contact).toContainText("Last edited by Alex Agent");
  await expect(contact.getByLabel("Customer notes")).toHaveValue("Mine: wants a refund");
});
