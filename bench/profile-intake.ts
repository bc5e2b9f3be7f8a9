// Profiling aid (not part of `npm run bench`): starts dist/server.mjs on a scratch PostgreSQL
// database with the node flags given after `--`, posts webhooks from N closed-loop senders for
// S seconds, prints webhooks/s and the server's CPU per webhook, then stops the server with
// SIGTERM so a --cpu-prof profile is written. --app-dir runs another folder's build (A/B).
//   tsx bench/profile-intake.ts [--port 3380] [--senders 64] [--seconds 10] -- --cpu-prof --cpu-prof-dir=/tmp/p
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { demoWebhookUrl, signIn } from "./ingest/app-session";
import { DEMO_IG_ACCOUNT, DEMO_LOGINS } from "./ingest/config";
import { WebhookClient } from "./ingest/http-client";
import { inboundMessage } from "./ingest/payloads";
import { profilerArgs, startProfiledServer } from "./profile/server";
import { cpuMsOf } from "./scale/timing";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values, nodeFlags } = profilerArgs(
  { senders: { type: "string", default: "64" }, seconds: { type: "string", default: "10" } },
  3380,
);
const port = Number(values.port);
const server = await startProfiledServer({ appDir: values["app-dir"] || root, port, nodeFlags });
const { baseUrl } = server;
try {
  const login = DEMO_LOGINS[0];
  const cookie = await signIn(baseUrl, login.email, login.password);
  const client = new WebhookClient(await demoWebhookUrl(baseUrl, cookie), 10_000, 256);
  const run = randomBytes(3).toString("hex");
  for (let n = 0; n < 200; n++) await client.post(inboundMessage(DEMO_IG_ACCOUNT, run, "warm", n).body);
  const senders = Number(values.senders);
  const until = performance.now() + Number(values.seconds) * 1000;
  const cpuBefore = cpuMsOf(server.pid) ?? 0;
  let ok = 0;
  let other = 0;
  let n = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (performance.now() < until) {
        const answer = await client.post(inboundMessage(DEMO_IG_ACCOUNT, run, "load", n++).body);
        if (answer.status === "200") ok++;
        else if (other++ === 0) console.log("first non-200:", answer.status, answer.body);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = (cpuMsOf(server.pid) ?? 0) - cpuBefore;
  console.log(
    `${senders} senders, ${seconds.toFixed(1)} s: ${(ok / seconds).toFixed(0)} webhooks/s answered 200 (${other} other);` +
      ` server CPU ${(cpuMs / 1000 / seconds).toFixed(2)} cores, ${(cpuMs / Math.max(ok, 1)).toFixed(2)} ms per webhook`,
  );
  client.close();
} finally {
  await server.stop();
}
