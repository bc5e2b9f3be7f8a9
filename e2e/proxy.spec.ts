import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { TEST_POSTGRES_URL, postgresReachable } from "../lib/testing/scratch-postgres";
import { DEMO_ADMIN, DEMO_AGENT } from "./support/auth";
import {
  PROXY_HTTP_PORT,
  SITE_URL,
  STACK_SIMULATOR_URL,
  httpsGet,
  signInThroughProxy,
  startProxyStack,
  type TProxyStack,
} from "./support/proxy-stack";

// The shipped Caddy configuration (deploy/caddy/Caddyfile) in front of two instances on one
// PostgreSQL, in a browser that trusts Caddy's CA: everything a user and CM do goes through
// https://, and the app knows it (Secure cookies, https webhook URLs, HSTS).

test.describe.configure({ timeout: 180_000 });

function plainHttpGet(path: string): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: PROXY_HTTP_PORT, path, headers: { host: "localhost" } },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

test("through Caddy over TLS: Secure session, https webhook URLs, HSTS, a live message and a reply", async ({
  request,
}) => {
  if (!(await postgresReachable())) {
    console.warn(`NOTICE: no PostgreSQL at ${TEST_POSTGRES_URL}: the proxy test is skipped.`);
    test.skip(true, `no PostgreSQL at ${TEST_POSTGRES_URL}`);
    return;
  }
  let stack: TProxyStack | undefined;
  try {
    stack = await startProxyStack();
    const browser = await stack.launchBrowser(test.info().project.use.launchOptions);

    // Plain HTTP is only ever a redirect to HTTPS.
    expect(await plainHttpGet("/sign-in?next=%2F")).toEqual({
      status: 308,
      location: `${SITE_URL}/sign-in?next=%2F`,
    });
    // The metrics stay on the private network.
    expect((await httpsGet("/metrics", stack.rootCa)).status).toBe(404);

    const agentContext = await browser.newContext();
    const agent = await agentContext.newPage();
    // A browser that types the http:// address lands on https:// (no certificate warning: the CA is trusted).
    await agent.goto(`http://localhost:${PROXY_HTTP_PORT}/sign-in`);
    expect(agent.url()).toBe(`${SITE_URL}/sign-in`);
    await signInThroughProxy(agent, DEMO_AGENT);
    const cookies = await agentContext.cookies(SITE_URL);
    const session = cookies.find((c) => c.name.includes("session_token"));
    expect(session, `the session cookie among ${cookies.map((c) => c.name).join(", ")}`).toBeDefined();
    expect(session?.secure).toBe(true);
    expect(session?.httpOnly).toBe(true);
    const page = await agent.goto(SITE_URL);
    expect(page?.headers()["strict-transport-security"]).toBe("max-age=63072000");
    await expect(agent.getByRole("status", { name: "Connection: Live" })).toBeVisible();

    // CM (the simulator) posts to the public https:// webhook URL, through Caddy.
    const igsid = String(7_100_000_000 + Math.floor(Math.random() * 1e8));
    const sent = await request.post(`${STACK_SIMULATOR_URL}/_sim/customer/message`, {
      data: {
        account: "17841400000000000",
        from: { igsid, name: "Proxy Customer", username: "proxied" },
        text: "Hello over TLS",
      },
    });
    expect(((await sent.json()) as { status: number }).status).toBe(200);
    const row = agent.getByRole("listitem", { name: "Proxy Customer" });
    await expect(row).toContainText("Hello over TLS");
    await row.getByRole("link").click();
    const reply = "Answered through the proxy.";
    await agent.getByRole("textbox", { name: "Message" }).fill(reply);
    await agent.getByRole("textbox", { name: "Message" }).press("Enter");
    await expect(
      agent.getByRole("listitem", { name: `You: ${reply}` }).getByRole("status", { name: "Delivery: Delivered" }),
    ).toBeVisible();
    const atCm = await request.get(`${STACK_SIMULATOR_URL}/_sim/messages?to=${igsid}`);
    const messages = ((await atCm.json()) as { messages: { msg: { body: { content: string } } }[] }).messages;
    expect(messages.map((m) => m.msg.body.content)).toEqual([reply]);

    // The admin page shows the public https:// webhook URLs, the ones CM must call.
    const admin = await (await browser.newContext()).newPage();
    await signInThroughProxy(admin, DEMO_ADMIN);
    await admin.goto(`${SITE_URL}/admin/accounts`);
    const url = admin.getByRole("textbox", { name: "Messages webhook URL" }).first();
    await expect(url).toHaveValue(new RegExp(`^${SITE_URL}/api/webhooks/cm/[^/]+/messages$`));
  } finally {
    if (stack) {
      const instances = [...stack.instances];
      await stack.close();
      for (const instance of instances) expect(instance.child.exitCode, instance.output()).toBe(0);
    }
  }
});
