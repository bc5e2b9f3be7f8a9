import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { ZSimAccount } from "./accounts";
import type { TSimContext } from "./context";
import { customerEventPayload, customerMessagePayload, ZCustomerEventInput, ZCustomerMessageInput } from "./customer";
import { ZSimFault } from "./faults";
import { parseJson, readBody, sendJson } from "./http-io";
import { sendSampleMedia } from "./sample-media";
import { DEFAULT_FAILURE } from "./status-reports";

// The simulator's own API under /_sim/: configure accounts and faults, read what was sent, and
// play the customer. Not part of CM; see simulator/README.md.

type TRoute = {
  method: string;
  path: RegExp;
  handle: (
    ctx: TSimContext,
    req: IncomingMessage,
    res: ServerResponse,
    params: string[],
    url: URL,
  ) => Promise<void> | void;
};

/** Reads and validates a JSON body; answers 400 itself and returns undefined when it is wrong. */
async function input<T extends z.ZodType>(
  req: IncomingMessage,
  res: ServerResponse,
  schema: T,
): Promise<z.output<T> | undefined> {
  const json = parseJson(await readBody(req));
  if (!json.ok) {
    sendJson(res, 400, { error: "body is not JSON" });
    return undefined;
  }
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    sendJson(res, 400, { error: z.prettifyError(parsed.error) });
    return undefined;
  }
  return parsed.data;
}

const oneOrList = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((v) => (Array.isArray(v) ? v : [v]));

const ZFailingInput = z.object({
  numbers: z.array(z.string()).min(1),
  errorCode: z.string().default(DEFAULT_FAILURE.errorCode),
  errorDescription: z.string().default(DEFAULT_FAILURE.errorDescription),
});

function accountOr404(ctx: TSimContext, res: ServerResponse, account: string) {
  const found = ctx.accounts.find(account);
  if (found === undefined) sendJson(res, 404, { error: `no simulated account ${account}` });
  return found;
}

const routes: TRoute[] = [
  { method: "GET", path: /^\/_sim\/health$/, handle: (_ctx, _req, res) => sendJson(res, 200, { ok: true }) },
  {
    method: "GET",
    path: /^\/_sim\/media\/(.+)$/,
    handle: (_ctx, _req, res, [name]) => sendSampleMedia(res, decodeURIComponent(name ?? "")),
  },

  {
    method: "POST",
    path: /^\/_sim\/accounts$/,
    async handle(ctx, req, res) {
      const accounts = await input(req, res, oneOrList(ZSimAccount));
      if (accounts === undefined) return;
      accounts.forEach(ctx.accounts.upsert);
      sendJson(res, 200, { accounts: ctx.accounts.list() });
    },
  },
  {
    method: "GET",
    path: /^\/_sim\/accounts$/,
    handle: (ctx, _req, res) => sendJson(res, 200, { accounts: ctx.accounts.list() }),
  },
  {
    method: "DELETE",
    path: /^\/_sim\/accounts\/([^/]+)$/,
    handle: (ctx, _req, res, [token]) =>
      sendJson(res, ctx.accounts.remove(decodeURIComponent(token ?? "")) ? 200 : 404, {}),
  },

  {
    method: "GET",
    path: /^\/_sim\/messages$/,
    handle(ctx, _req, res, _params, url) {
      const since = url.searchParams.get("since");
      const sinceDate = since === null ? undefined : new Date(since);
      if (sinceDate !== undefined && Number.isNaN(sinceDate.getTime()))
        return sendJson(res, 400, { error: "since is not a date" });
      const messages = ctx.messages.list({
        ...(url.searchParams.has("to") ? { to: url.searchParams.get("to") ?? "" } : {}),
        ...(url.searchParams.has("reference") ? { reference: url.searchParams.get("reference") ?? "" } : {}),
        ...(sinceDate === undefined ? {} : { since: sinceDate }),
      });
      sendJson(res, 200, { messages });
    },
  },
  {
    method: "DELETE",
    path: /^\/_sim\/messages$/,
    handle(ctx, _req, res) {
      ctx.messages.clear();
      sendJson(res, 200, {});
    },
  },

  {
    method: "POST",
    path: /^\/_sim\/failing-recipients$/,
    async handle(ctx, req, res) {
      const body = await input(req, res, ZFailingInput);
      if (body === undefined) return;
      for (const n of body.numbers)
        ctx.failing.set(n, { errorCode: body.errorCode, errorDescription: body.errorDescription });
      sendJson(res, 200, { failing: Object.fromEntries(ctx.failing) });
    },
  },
  {
    method: "GET",
    path: /^\/_sim\/failing-recipients$/,
    handle: (ctx, _req, res) => sendJson(res, 200, { failing: Object.fromEntries(ctx.failing) }),
  },
  {
    method: "DELETE",
    path: /^\/_sim\/failing-recipients$/,
    handle(ctx, _req, res) {
      ctx.failing.clear();
      sendJson(res, 200, {});
    },
  },

  {
    method: "POST",
    path: /^\/_sim\/faults$/,
    async handle(ctx, req, res) {
      const faults = await input(req, res, oneOrList(ZSimFault));
      if (faults === undefined) return;
      sendJson(res, 200, { faults: faults.map((f) => ctx.faults.add(f)) });
    },
  },
  {
    method: "GET",
    path: /^\/_sim\/faults$/,
    handle: (ctx, _req, res) => sendJson(res, 200, { faults: ctx.faults.list() }),
  },
  {
    method: "DELETE",
    path: /^\/_sim\/faults$/,
    handle(ctx, _req, res) {
      ctx.faults.clear();
      sendJson(res, 200, {});
    },
  },
  {
    method: "DELETE",
    path: /^\/_sim\/faults\/(\d+)$/,
    handle: (ctx, _req, res, [id]) => sendJson(res, ctx.faults.remove(Number(id)) ? 200 : 404, {}),
  },

  {
    method: "GET",
    path: /^\/_sim\/webhook-log$/,
    handle(ctx, _req, res, _params, url) {
      const kind = z
        .enum(["messages", "events", "statusReports"])
        .optional()
        .safeParse(url.searchParams.get("kind") ?? undefined);
      sendJson(res, 200, { attempts: ctx.webhooks.log(kind.success ? kind.data : undefined) });
    },
  },
  {
    method: "DELETE",
    path: /^\/_sim\/webhook-log$/,
    handle(ctx, _req, res) {
      ctx.webhooks.clearLog();
      sendJson(res, 200, {});
    },
  },

  {
    // Clears messages, faults, failing recipients and the webhook log; keeps accounts.
    method: "POST",
    path: /^\/_sim\/reset$/,
    handle(ctx, _req, res) {
      ctx.messages.clear();
      ctx.faults.clear();
      ctx.failing.clear();
      ctx.webhooks.clearLog();
      sendJson(res, 200, {});
    },
  },

  {
    method: "POST",
    path: /^\/_sim\/customer\/message$/,
    async handle(ctx, req, res) {
      const body = await input(req, res, ZCustomerMessageInput);
      if (body === undefined) return;
      const account = accountOr404(ctx, res, body.account);
      if (account === undefined) return;
      // Sample media are linked at the address the caller reached the simulator by.
      const payload = customerMessagePayload(body, account, ctx.messages, `http://${req.headers.host ?? "127.0.0.1"}`);
      ctx.lastCustomerMids.set(`${account.igAccountId}:${body.from.igsid}`, String(payload.message.custom["mid"]));
      const outcome = await ctx.webhooks.deliver("messages", account, payload);
      sendJson(res, "noUrl" in outcome ? 409 : 200, { webhook: "messages", ...outcome, payload });
    },
  },
  {
    method: "POST",
    path: /^\/_sim\/customer\/event$/,
    async handle(ctx, req, res) {
      const body = await input(req, res, ZCustomerEventInput);
      if (body === undefined) return;
      const account = accountOr404(ctx, res, body.account);
      if (account === undefined) return;
      const payload = customerEventPayload(
        body,
        account,
        ctx.lastCustomerMids.get(`${account.igAccountId}:${body.from}`),
      );
      const outcome = await ctx.webhooks.deliver("events", account, payload);
      sendJson(res, "noUrl" in outcome ? 409 : 200, { webhook: "events", ...outcome, payload });
    },
  },
];

/** Answers a /_sim/ request; false when no route matches. */
export async function handleControl(
  ctx: TSimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  for (const route of routes) {
    if (route.method !== req.method) continue;
    const match = route.path.exec(url.pathname);
    if (match === null) continue;
    await route.handle(ctx, req, res, match.slice(1), url);
    return true;
  }
  return false;
}
