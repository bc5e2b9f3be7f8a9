// A signed-in user's API and the CM simulator's control API over plain fetch, for tests and
// scripts that drive whole app processes (the runtime-tree and upgrade tests, their fixtures).

/** A signed-in user's JSON API, as the browser calls it (same-origin writes). */
export async function apiAs(baseUrl: string, user: { email: string; password: string }) {
  const signIn = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(user),
  });
  if (signIn.status !== 200) throw new Error(`sign-in of ${user.email}: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return async <T>(
    method: string,
    path: string,
    body?: unknown,
    raw?: { bytes: Buffer; type: string },
  ): Promise<{ status: number; body: T }> => {
    const headers: Record<string, string> = { cookie, origin: baseUrl };
    if (raw) headers["content-type"] = raw.type;
    else if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: raw ? Buffer.from(raw.bytes) : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

/** Tells the simulator about an account (its token and our webhook URLs), as an admin does in CM's app. */
export async function registerAccount(
  simulatorUrl: string,
  account: { productToken: string; igAccountId: string; webhookUrls: Record<string, string> },
): Promise<void> {
  const response = await fetch(`${simulatorUrl}/_sim/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      productToken: account.productToken,
      igAccountId: account.igAccountId,
      webhooks: account.webhookUrls,
    }),
  });
  if (!response.ok) throw new Error(`the simulator refused the account: ${await response.text()}`);
}

/** What the simulator received for one customer (replies the app sent through CM). */
export async function sentTo(simulatorUrl: string, igsid: string): Promise<{ msg: unknown }[]> {
  const response = await fetch(`${simulatorUrl}/_sim/messages?to=${igsid}`);
  return ((await response.json()) as { messages: { msg: unknown }[] }).messages;
}

/** The simulator plays a customer writing to an account; returns the app's answer to the webhook. */
export async function customerWrites(
  simulatorUrl: string,
  message: Record<string, unknown> & { account: string; from: { igsid: string; name: string; username: string } },
): Promise<number> {
  const response = await fetch(`${simulatorUrl}/_sim/customer/message`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(message),
  });
  const answer = (await response.json()) as { status?: number };
  return answer.status ?? response.status;
}
