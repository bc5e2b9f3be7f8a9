import { expect, test, type Page } from "@playwright/test";
import { BASE_URL, DEMO_AGENT, signIn } from "./support/auth";

// After sign-in the app goes where `next` says, but only to a path on this site: browsers drop
// tabs and newlines from URLs, so "/%09/evil.example" would become "//evil.example", another host.

const HOSTILE_NEXT = [
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0d%0a/evil.example",
  "/%5Cevil.example",
  "//evil.example",
];

async function signInWithForm(page: Page): Promise<void> {
  await page.getByLabel("Email").fill(DEMO_AGENT.email);
  await page.getByLabel("Password").fill(DEMO_AGENT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("signing in with a hostile next lands on the inbox, not on another site", async ({ page }) => {
  await page.goto("/sign-in?next=/%09/evil.example");
  await signInWithForm(page);
  await expect(page).toHaveURL(`${BASE_URL}/`);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test("a signed-in visit to sign-in with a hostile next is sent to the inbox, never a 500", async ({ page }) => {
  await signIn(page, DEMO_AGENT);
  for (const next of HOSTILE_NEXT) {
    const response = await page.request.get(`/sign-in?next=${next}`, { maxRedirects: 0 });
    expect(response.status(), next).toBe(307);
    expect(response.headers()["location"], next).toBe("/");
  }
  await page.goto("/sign-in?next=/%09/evil.example");
  await expect(page).toHaveURL(`${BASE_URL}/`);
});

test("a signed-out visit with a newline in next shows the form, and a real path still works", async ({ page }) => {
  const response = await page.goto("/sign-in?next=/%0d%0aSet-Cookie:%20x=1");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("form", { name: "Sign in" })).toBeVisible();

  await page.goto("/sign-in?next=%2Faccount%3Ftab%3D1");
  await signInWithForm(page);
  await expect(page).toHaveURL(`${BASE_URL}/account?tab=1`);
});
