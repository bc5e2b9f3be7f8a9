import { z } from "zod";
import { ZSimAccount } from "./accounts";
import { createSimulator } from "./create-simulator";

// `npm run cm-simulator`: the simulator as its own process, configured from the environment.

const ZSimEnv = z.object({
  CM_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  CM_SIMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
  CM_SIMULATOR_STATUS_DELAY_MS: z.coerce.number().int().min(0).default(100),
  CM_SIMULATOR_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  CM_SIMULATOR_ACCOUNTS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === "") return [];
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be a JSON array of accounts" });
        return z.NEVER;
      }
    })
    .pipe(z.array(ZSimAccount)),
});

const env = ZSimEnv.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
if (!env.success) {
  console.error(`cm-simulator: invalid configuration\n${z.prettifyError(env.error)}`);
  process.exit(1);
}

const simulator = await createSimulator({
  port: env.data.CM_SIMULATOR_PORT,
  host: env.data.CM_SIMULATOR_HOST,
  accounts: env.data.CM_SIMULATOR_ACCOUNTS,
  statusDelayMs: env.data.CM_SIMULATOR_STATUS_DELAY_MS,
  webhookTimeoutMs: env.data.CM_SIMULATOR_WEBHOOK_TIMEOUT_MS,
  log: (line) => console.log(`cm-simulator: ${line}`),
});
console.log(
  `cm-simulator: listening on ${simulator.url} with ${env.data.CM_SIMULATOR_ACCOUNTS.length} account(s); UI at ${simulator.url}/`,
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`cm-simulator: ${signal}, shutting down`);
  await simulator.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
