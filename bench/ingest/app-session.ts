// Signing in to the app over HTTP, and finding the demo account's webhook URL.
import { DEMO_IG_ACCOUNT } from "./config";

/** Signs in and returns the session as a Cookie header value. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error(`sign-in as ${email}: no session cookie`);
  return cookie;
}

interface TAccountJson {
  igAccountId: string;
  webhookUrls: { messages: string };
}

/** The demo account's message-webhook URL, rebuilt on `baseUrl` (creating the account if absent). */
export async function demoWebhookUrl(baseUrl: string, adminCookie: string): Promise<string> {
  const headers = { cookie: adminCookie, origin: baseUrl, "content-type": "application/json" };
  const list = await fetch(`${baseUrl}/api/admin/accounts`, { headers });
  if (list.status !== 200) throw new Error(`GET /api/admin/accounts: HTTP ${list.status}`);
  let account = ((await list.json()) as { accounts: TAccountJson[] }).accounts.find(
    (a) => a.igAccountId === DEMO_IG_ACCOUNT,
  );
  if (!account) {
    const created = await fetch(`${baseUrl}/api/admin/accounts`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        igAccountId: DEMO_IG_ACCOUNT,
        displayName: "Bench shop",
        productToken: "00000000-0000-4000-8000-000000000000",
      }),
    });
    if (created.status !== 200) throw new Error(`POST /api/admin/accounts: HTTP ${created.status}`);
    account = ((await created.json()) as { account: TAccountJson }).account;
  }
  const secret = /\/api\/webhooks\/cm\/([^/]+)\/messages$/.exec(account.webhookUrls.messages)?.[1];
  if (!secret) throw new Error(`unexpected webhook URL ${account.webhookUrls.messages}`);
  return `${baseUrl}/api/webhooks/cm/${secret}/messages`;
}
