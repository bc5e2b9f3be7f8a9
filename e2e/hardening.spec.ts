import { randomUUID } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { expect, test } from "@playwright/test";
import { E2E_REQUEST_TIMEOUT_MS } from "../playwright.config";
import { demoWebhookUrl, sessionCookie } from "./support/app-api";
import { BASE_URL, DEMO_ADMIN, DEMO_AGENT, SAME_ORIGIN, signIn } from "./support/auth";

// The edge (server.ts, lib/http/edge.ts) against the production server with its 192 MB heap, as
// `npm start` runs it: huge and endless bodies to every kind of route, a client trickling a body,
// and the CSRF rule over real HTTP and a real browser. One unbounded body used to end the process.

const HUGE = 200 * 1024 * 1024;

type TOutcome = { status: number; body: string } | { error: string };

/**
 * Streams a 200 MB JSON string (generated as sent, never held), with or without Content-Length:
 * what a JSON parser would hold whole, the way one such body used to exhaust the heap.
 */
function postHuge(path: string, headers: Record<string, string>, withLength: boolean): Promise<TOutcome> {
  return new Promise((resolve) => {
    const req = request(`${BASE_URL}${path}`, {
      method: "POST",
      headers: { ...SAME_ORIGIN, ...headers, ...(withLength ? { "content-length": String(HUGE) } : {}) },
    });
    // A whole JSON document: a parser holds the 200 MB string only once it sees it close.
    const [opening, closing] = [Buffer.from('{"email":"'), Buffer.from('"}')];
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const body = new Readable({
      read() {
        if (sent === 0) {
          this.push(opening);
          sent = opening.length;
        }
        const left = HUGE - closing.length - sent;
        if (left > 0) {
          const part = chunk.subarray(0, Math.min(chunk.length, left));
          sent += part.length;
          this.push(part);
        } else {
          this.push(closing);
          this.push(null);
        }
      },
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => {
        body.destroy();
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: text });
      });
    });
    req.on("error", (error) => resolve({ error: error.message }));
    body.on("error", () => {});
    body.pipe(req);
  });
}

async function expectHealthy(): Promise<void> {
  expect((await fetch(`${BASE_URL}/api/health`)).status).toBe(200);
}

test("the server stays up through 200 MB bodies to every kind of route, with and without Content-Length", async () => {
  test.setTimeout(180_000);
  const admin = await sessionCookie(BASE_URL, DEMO_ADMIN);
  const agent = await sessionCookie(BASE_URL, DEMO_AGENT);
  const webhook = new URL(await demoWebhookUrl(BASE_URL)).pathname;
  const json = { "content-type": "application/json" };
  const routes: [string, string, Record<string, string>][] = [
    ["sign-in (better-auth)", "/api/auth/sign-in/email", json],
    ["sign-out (better-auth)", "/api/auth/sign-out", { ...json, cookie: agent }],
    ["a JSON API route", "/api/admin/users", { ...json, cookie: admin }],
    ["the upload route", "/api/uploads", { "content-type": "image/png", cookie: agent }],
    ["CM's webhook", webhook, json],
    ["a page", "/sign-in", json],
  ];
  const answers: string[] = [];
  for (const [name, path, headers] of routes) {
    for (const withLength of [true, false]) {
      const what = `${name}, ${withLength ? "with" : "without"} Content-Length`;
      const outcome = await postHuge(path, headers, withLength);
      answers.push(`${what}: ${"status" in outcome ? `${outcome.status} ${outcome.body}` : outcome.error}`);
      // A dead server fails here, naming the body that killed it.
      expect((await fetch(`${BASE_URL}/api/health`).catch(() => undefined))?.status, `health after ${what}`).toBe(200);
    }
  }
  for (const answer of answers) expect(answer).toMatch(/: 413 \{"error":\{"code":"PAYLOAD_TOO_LARGE"/);
  // Nothing was half-applied, and a normal sign-in still works.
  expect(await sessionCookie(BASE_URL, DEMO_ADMIN)).toContain("session_token");
});

test("a client trickling a body is cut off by the request deadline while others are served", async () => {
  test.setTimeout(E2E_REQUEST_TIMEOUT_MS * 3 + 30_000);
  const { port, hostname } = new URL(BASE_URL);
  const socket = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
  let answer = "";
  socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  socket.on("error", () => {});
  socket.write(
    [
      "POST /api/auth/sign-in/email HTTP/1.1",
      `Host: ${new URL(BASE_URL).host}`,
      `Origin: ${BASE_URL}`,
      "Content-Type: application/json",
      "Content-Length: 10000",
      "",
      "{",
    ].join("\r\n"),
  );
  // The slow client itself: one byte every 100 ms, which would take a quarter of an hour.
  const trickle = setInterval(() => socket.write(" "), 100);
  try {
    await expectHealthy();
    expect(await sessionCookie(BASE_URL, DEMO_AGENT)).toContain("session_token");
    await closed;
  } finally {
    clearInterval(trickle);
    socket.destroy();
  }
  expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  await expectHealthy();
});

test("a form posted from a sibling origin cannot ride an admin's session; the app's own JSON request can", async ({
  page,
}) => {
  await signIn(page, DEMO_ADMIN);
  const email = `mallory-${randomUUID().slice(0, 8)}@example.com`;
  // The classic text/plain trick: the body an HTML form sends parses as JSON.
  const field = JSON.stringify({ email, name: "Mallory", role: "admin", password: "attacker-password", pad: "" });
  const sibling: Server = createServer((_req, res) => {
    res
      .writeHead(200, { "content-type": "text/html" })
      .end(
        `<form method="post" action="${BASE_URL}/api/admin/users" enctype="text/plain">` +
          `<input type="hidden" name='${field.slice(0, -2)}' value='"}'></form>` +
          `<script>document.forms[0].submit()</script>`,
      );
  });
  await new Promise<void>((resolve) => sibling.listen(0, "localhost", resolve));
  try {
    // Another port of the same host: the same *site*, so SameSite=Lax still sends the cookie.
    const siblingUrl = `http://localhost:${(sibling.address() as AddressInfo).port}/`;
    const [posted] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${BASE_URL}/api/admin/users` && r.request().method() === "POST"),
      page.goto(siblingUrl),
    ]);
    expect(posted.status()).toBe(403);
    expect(await posted.text()).toContain("another origin");
  } finally {
    await new Promise((resolve) => sibling.close(resolve));
  }
  const users = await page.request.get("/api/admin/users");
  expect(await users.text()).not.toContain(email);

  const created = await page.request.post("/api/admin/users", {
    headers: SAME_ORIGIN,
    data: { email, name: "Agent by the admin", role: "agent", password: "a-real-password" },
  });
  expect(created.status()).toBe(200);
  expect(await (await page.request.get("/api/admin/users")).text()).toContain(email);
});

test("an API write as a form, or without any sign of its origin, is refused", async () => {
  const cookie = await sessionCookie(BASE_URL, DEMO_ADMIN);
  const asForm = await fetch(`${BASE_URL}/api/admin/users`, {
    method: "POST",
    headers: { cookie, ...SAME_ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    body: "email=a%40b.c&name=x&role=admin&password=aaaaaaaaaaaa",
  });
  expect(asForm.status).toBe(415);
  const noOrigin = await fetch(`${BASE_URL}/api/auth/sign-out`, { method: "POST", headers: { cookie } });
  expect(noOrigin.status).toBe(403);
});

test("HSTS is sent when a trusted proxy says the browser came over HTTPS, and only then", async () => {
  const overHttps = await fetch(`${BASE_URL}/api/health`, { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers.get("strict-transport-security")).toBe("max-age=63072000");
  const page = await fetch(`${BASE_URL}/sign-in`, { headers: { "x-forwarded-proto": "https" } });
  expect(page.headers.get("strict-transport-security")).toBe("max-age=63072000");
  const overHttp = await fetch(`${BASE_URL}/api/health`);
  expect(overHttp.headers.get("strict-transport-security")).toBeNull();
});
