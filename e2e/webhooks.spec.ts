import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { startHookReceiver, type THookReceiver } from "../lib/testing/hook-receiver";
import { DEMO_ADMIN, signIn } from "./support/auth";
import { postDemoMessage, startServer, type TServerProcess } from "./support/server-process";

// Outgoing webhooks end to end (issue 21): an admin adds an endpoint in Admin → Webhooks and
// sends a test event; then customers write while the receiver fails for a while and answers
// slowly, the app is killed (-9) with deliveries in flight, and started again. The receiver
// verifies every signature, keeps each webhook-id once, and must see every event, each
// conversation's in the order they happened.

const PORT = 3741;

test("webhooks reach a failing receiver across a kill -9, signed, each event at least once and in order", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), "inbox-hooks-"));
  const env = { DATA_DIR: dataDir, WEBHOOKS_ALLOW_LOCAL: "true" };
  let app: TServerProcess | undefined;
  let receiver: THookReceiver | undefined;
  try {
    receiver = await startHookReceiver();
    app = await startServer(PORT, env);
    await signIn(page, DEMO_ADMIN, app.url);
    await page.goto(`${app.url}/admin/webhooks`);
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
    await expect(page.getByText("No webhook endpoints yet")).toBeVisible();

    const form = page.getByRole("form", { name: "Add a webhook endpoint" });
    await form.getByRole("textbox", { name: "URL" }).fill(receiver.url);
    await form.getByRole("button", { name: "Add endpoint" }).click();
    const shown = page.getByRole("region", { name: `${receiver.url}: copy the signing secret now` });
    receiver.secret = await shown.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(receiver.secret).toMatch(/^whsec_/);
    await shown.getByRole("button", { name: "Done" }).click();
    await expect(page.getByText(receiver.secret)).toHaveCount(0);

    const endpoints = page.getByRole("region", { name: "Webhook endpoints" });
    await endpoints.getByRole("button", { name: `Send a test event to ${receiver.url}` }).click();
    const log = page.getByRole("region", { name: `Delivery log of ${receiver.url}` });
    await expect(log.getByRole("row").filter({ hasText: "webhook.test" })).toContainText("200");
    expect(receiver.received.map((h) => h.type)).toEqual(["webhook.test"]);

    // The receiver fails its next answer (retried after ~5 s) and then answers slowly, so
    // deliveries are in flight when the app is killed.
    receiver.answer(503);
    receiver.slowMs = 1500;
    const write = async (igsid: string, name: string, text: string) => {
      const answer = await postDemoMessage(app!.url, { igsid, name, username: name.toLowerCase(), text });
      expect(answer.status).toBe(200);
    };
    await write("4100001", "Ana", "A1");
    await write("4100002", "Ben", "B1");
    await write("4100001", "Ana", "A2");
    await expect.poll(() => receiver!.requests.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    app.child.kill("SIGKILL");
    await expect.poll(() => app!.child.signalCode).toBe("SIGKILL");

    receiver.slowMs = 0;
    app = await startServer(PORT, env);
    await write("4100002", "Ben", "B2");
    await write("4100001", "Ana", "A3");

    const texts = () =>
      receiver!.received
        .filter((h) => h.type === "message.created")
        .map((h) => (h.body.data.object as { content: { text?: string } | null }).content?.text);
    await expect
      .poll(() => texts().sort(), { timeout: 120_000, intervals: [1000] })
      .toEqual(["A1", "A2", "A3", "B1", "B2"]);
    // Nothing left to deliver, nothing failed.
    await signIn(page, DEMO_ADMIN, app.url);
    await expect
      .poll(
        async () => {
          const answer = await page.request.get(`${app!.url}/api/admin/webhooks`);
          const [endpoint] = ((await answer.json()) as { endpoints: { pending: number; failed: number }[] }).endpoints;
          return endpoint && { pending: endpoint.pending, failed: endpoint.failed };
        },
        { timeout: 60_000, intervals: [1000] },
      )
      .toEqual({ pending: 0, failed: 0 });

    expect(receiver.badSignatures).toBe(0);
    // Some deliveries were tried more than once (the 503; the ones cut off by the kill).
    expect(receiver.requests.length).toBeGreaterThan(receiver.received.length);
    const byConversation = new Map<string, { type: string; n: number; text?: string }[]>();
    for (const hook of receiver.received) {
      if (!hook.conversationId) continue;
      const list = byConversation.get(hook.conversationId) ?? [];
      const object = hook.body.data.object as { content?: { text?: string } | null };
      list.push({ type: hook.type, n: Number(hook.id.slice(4)), text: object.content?.text });
      byConversation.set(hook.conversationId, list);
    }
    expect(byConversation.size).toBe(2);
    for (const events of byConversation.values()) {
      expect(events[0]?.type).toBe("conversation.created");
      // In the order they happened: event ids only grow within a conversation.
      expect(events.map((e) => e.n)).toEqual([...events.map((e) => e.n)].sort((a, b) => a - b));
      const said = events.filter((e) => e.type === "message.created").map((e) => e.text);
      expect([
        ["A1", "A2", "A3"],
        ["B1", "B2"],
      ]).toContainEqual(said);
    }
  } finally {
    await app?.stop();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
