import { apiAs, customerWrites, registerAccount, sentTo } from "../lib/testing/ops-http";

// The representative data the upgrade fixtures hold, written through the app's own API and the
// CM simulator, as a team would have written it: every kind of message, an upload, a note,
// labels, a saved reply, settings, a resolved and an assigned conversation, delivered and
// failed sends, and a second account with a product token of its own.

/** Public by design: these are test fixtures, never a real deployment's secrets. */
export const FIXTURE = {
  appSecret: "upgrade-fixture-app-secret-0123456789abcdef",
  admin: { email: "admin@demo.local", password: "demo-admin-password" },
  agent: { email: "agent@demo.local", password: "demo-agent-password" },
  demoAccount: { igAccountId: "17841400000000000", productToken: "11111111-2222-3333-4444-555555555555" },
  secondAccount: {
    igAccountId: "17841400000000999",
    displayName: "Upgrade shop",
    productToken: "99999999-8888-7777-6666-555555555555",
  },
  /** A 1×1 PNG: the uploaded image an agent sent. */
  pngBase64: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  /** The customer whose replies CM reports as failed. */
  failingCustomer: "9300000003",
} as const;

const CUSTOMERS: Record<string, unknown>[] = [
  { igsid: "9300000001", text: "Hello, is the blue one in stock?" },
  { igsid: "9300000002", image: {} },
  { igsid: "9300000003", audio: {} },
  { igsid: "9300000004", video: {} },
  { igsid: "9300000005", file: {} },
  { igsid: "9300000006", share: { type: "post" } },
  { igsid: "9300000007", storyReply: { text: "love this story" } },
  { igsid: "9300000008", quickReply: { label: "Yes please", postbackData: "YES" } },
];

type TApi = Awaited<ReturnType<typeof apiAs>>;

async function ok<T>(call: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await call;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100)); // polling another process
  }
  throw new Error(`timed out waiting for ${what}`);
}

type TConversation = { id: string; contact: { igsid: string } };

async function conversations(api: TApi): Promise<TConversation[]> {
  return (await ok(api<{ conversations: TConversation[] }>("GET", "/api/conversations?status=all&limit=100"), "list"))
    .conversations;
}

export async function writeRepresentativeData(appUrl: string, simulatorUrl: string): Promise<void> {
  const admin = await apiAs(appUrl, FIXTURE.admin);
  const agent = await apiAs(appUrl, FIXTURE.agent);

  const { accounts } = await ok(
    admin<{ accounts: { webhookUrls: Record<string, string> }[] }>("GET", "/api/admin/accounts"),
    "accounts",
  );
  // The demo account, as demo mode registers it, plus a customer whose sends CM reports failed.
  await fetch(`${simulatorUrl}/_sim/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      ...FIXTURE.demoAccount,
      webhooks: accounts[0]?.webhookUrls,
      failingRecipients: [FIXTURE.failingCustomer],
    }),
  });
  const { account: second } = await ok(
    admin<{ account: { webhookUrls: Record<string, string> } }>("POST", "/api/admin/accounts", FIXTURE.secondAccount),
    "second account",
  );
  await registerAccount(simulatorUrl, { ...FIXTURE.secondAccount, webhookUrls: second.webhookUrls });

  for (const [i, message] of CUSTOMERS.entries()) {
    const from = { igsid: message.igsid as string, name: `Customer ${i + 1}`, username: `customer${i + 1}` };
    const status = await customerWrites(simulatorUrl, { ...message, account: FIXTURE.demoAccount.igAccountId, from });
    if (status !== 200) throw new Error(`webhook answered ${status}`);
  }
  const secondFrom = { igsid: "9300000099", name: "Second Customer", username: "second" };
  await customerWrites(simulatorUrl, {
    account: FIXTURE.secondAccount.igAccountId,
    from: secondFrom,
    text: "Hi second shop",
  });
  await until(async () => (await conversations(admin)).length === CUSTOMERS.length + 1, "the conversations");

  const byCustomer = new Map((await conversations(admin)).map((c) => [c.contact.igsid, c.id]));
  const first = byCustomer.get("9300000001") ?? "";
  const me = await ok(agent<{ user: { id: string } }>("GET", "/api/me"), "me");
  await ok(agent("POST", `/api/conversations/${first}/assignee`, { assigneeId: me.user.id }), "assign");

  const png = Buffer.from(FIXTURE.pngBase64, "base64");
  const { upload } = await ok(
    agent<{ upload: { url: string; mimeType: string; name: string } }>("POST", "/api/uploads", undefined, {
      bytes: png,
      type: "image/png",
    }),
    "upload",
  );
  const replies = [
    { kind: "text", text: "Yes, it is in stock." },
    {
      kind: "text",
      text: "Which size?",
      quickReplies: [
        { label: "S", postbackData: "S" },
        { label: "M", postbackData: "M" },
      ],
    },
    {
      kind: "image",
      image: { url: upload.url, mimeType: upload.mimeType, name: upload.name },
      caption: "The blue one",
    },
    {
      kind: "card",
      card: {
        header: "Blue shirt",
        text: "€25",
        buttons: [{ kind: "url", label: "Shop", url: "https://example.com/shirt" }],
      },
    },
    {
      kind: "carousel",
      cards: [
        { header: "Blue", text: "€25" },
        { header: "Red", text: "€27" },
      ],
    },
  ];
  for (const content of replies) await ok(agent("POST", `/api/conversations/${first}/messages`, { content }), "reply");
  const failing = byCustomer.get(FIXTURE.failingCustomer) ?? "";
  await ok(
    agent("POST", `/api/conversations/${failing}/messages`, { content: { kind: "text", text: "Did you get this?" } }),
    "reply",
  );
  const secondConversation = byCustomer.get(secondFrom.igsid) ?? "";
  await ok(
    admin("POST", `/api/conversations/${secondConversation}/messages`, { content: { kind: "text", text: "Welcome!" } }),
    "reply",
  );

  await ok(agent("POST", `/api/conversations/${first}/notes`, { text: "Regular customer, prefers blue." }), "note");
  const { label } = await ok(
    admin<{ label: { id: string } }>("POST", "/api/admin/labels", { name: "VIP", color: "red" }),
    "label",
  );
  await ok(agent("PUT", `/api/conversations/${first}/labels/${label.id}`), "label a conversation");
  await ok(admin("POST", "/api/admin/labels", { name: "Returns", color: "blue" }), "label");
  await ok(
    agent("POST", "/api/saved-replies", {
      code: "thanks",
      title: "Thanks",
      content: { kind: "text", text: "Thanks for writing!" },
    }),
    "saved reply",
  );
  await ok(agent("PUT", "/api/me/settings", { notifySound: true, notifyDesktop: false }), "settings");
  await ok(
    agent("POST", `/api/conversations/${byCustomer.get("9300000002")}/status`, { status: "RESOLVED" }),
    "resolve",
  );

  // Every send has its final state (CM's status report) before the release stops.
  await until(async () => (await sentTo(simulatorUrl, "9300000001")).length === replies.length, "the sends");
  await until(async () => {
    const { messages } = await ok(
      agent<{ messages: { direction: string; status: string }[] }>("GET", `/api/conversations/${first}/messages`),
      "messages",
    );
    const failed = await ok(
      agent<{ messages: { direction: string; status: string }[] }>("GET", `/api/conversations/${failing}/messages`),
      "messages",
    );
    return (
      messages.filter((m) => m.direction === "OUTBOUND").every((m) => m.status === "DELIVERED") &&
      failed.messages.some((m) => m.direction === "OUTBOUND" && m.status === "FAILED")
    );
  }, "the status reports");
}
