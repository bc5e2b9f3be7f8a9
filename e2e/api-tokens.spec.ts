import { expect, test } from "@playwright/test";
import { DEMO_ADMIN, signIn } from "./support/auth";

// Admin → API tokens end to end (issue 21): the admin creates a token for one purpose, copies it
// from the one place it is ever shown, an outside system (here a request with no cookie) reads
// the accounts with it, and once revoked the same request is refused.

test("an admin creates an API token, it works without a session, and revoking it refuses it at once", async ({
  page,
  playwright,
}) => {
  const name = `CRM sync ${Date.now()}`;
  await signIn(page, DEMO_ADMIN);
  await page.goto("/admin/api-tokens");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();

  const form = page.getByRole("form", { name: "Create an API token" });
  await form.getByRole("textbox", { name: "Name" }).fill(name);
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByRole("region", { name: `${name}: copy the token now` });
  const token = await shown.getByRole("textbox", { name: "New API token" }).inputValue();
  expect(token).toMatch(/^igi_/);
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();
  // Never shown again: the list has its first characters only.
  const row = page.getByRole("region", { name: "API tokens" }).getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText(`${token.slice(0, 8)}…`);
  await expect(row).toContainText("never used");
  await expect(page.getByText(token)).toHaveCount(0);

  // An outside system: no cookie, only the token.
  const outside = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const read = () => outside.get("/api/v1/accounts", { headers: { authorization: `Bearer ${token}` } });
  const first = await read();
  expect(first.status()).toBe(200);
  expect(first.headers()["ratelimit-limit"]).toBeTruthy();
  expect(((await first.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
  expect((await outside.get("/api/v1/accounts")).status()).toBe(401);

  await page.reload();
  await expect(row).not.toContainText("never used");
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await page
    .getByRole("group", { name: `Revoke ${name}` })
    .getByRole("button", { name: "Yes, revoke" })
    .click();
  await expect(row).toContainText("Revoked");
  const after = await read();
  expect(after.status()).toBe(401);
  expect(((await after.json()) as { error: { message: string } }).error.message).toMatch(/revoked/);
  await outside.dispose();
});
