import type { IncomingMessage, ServerResponse } from "node:http";
import { describeCmCode } from "../lib/cm/cm-codes";
import { CM_REFERENCE_PATTERN } from "../lib/cm/reference";
import { ZCmSendMessage, type TCmSendMessage } from "../lib/cm/schemas/send-request";
import { applyInstagramTruncations, validateInstagramMessage } from "../lib/cm/validate-instagram-message";
import type { TAccountStore, TSimAccount } from "./accounts";
import { tokenHint } from "./accounts";
import type { TFaultStore, TStoredFault } from "./faults";
import { parseJson, readBody, sendJson } from "./http-io";
import type { TLifecycle } from "./lifecycle";
import type { TMessageLog } from "./message-log";
import { scheduleStatusReports, type TStatusReporterDeps } from "./status-reports";

// `POST /v1.0/message` as CM answers it (FORMATS.md §2): HTTP 400 with a request-level code and
// `messages: []` for a bad token/JSON/msg list; otherwise one `messages[]` entry per recipient,
// HTTP 200 with 0 (all accepted) or 201 (some rejected), HTTP 400 with 201 when none was accepted.

export type TGatewayDeps = TStatusReporterDeps & {
  accounts: TAccountStore;
  messages: TMessageLog;
  faults: TFaultStore;
  lifecycle: TLifecycle;
};

type TResponseEntry = {
  to: string;
  status: "Accepted" | "Rejected";
  reference: string | null;
  parts: number;
  messageDetails: string | null;
  messageErrorCode: number;
};

type TJudgement =
  | { ok: true; msg: TCmSendMessage; recipients: { to: string; code: number; details: string | null }[] }
  | { ok: false; code: number; details: string; recipients: string[] };

const REQUEST_DETAILS: Record<number, string> = {
  101: "No account found for the given authentication",
  202: "The request could not be parsed as JSON",
  203: "The 'msg' array was not found or is not an array",
};

function requestError(res: ServerResponse, code: number, details?: string, httpStatus = 400): void {
  sendJson(res, httpStatus, {
    details: details ?? REQUEST_DETAILS[code] ?? describeCmCode(code),
    errorCode: code,
    messages: [],
  });
}

function getCi(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  const found = Object.keys(value).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : (value as Record<string, unknown>)[found];
}

/** Header first (CM's recommended way); behaviour when header and body disagree is UNCONFIRMED. */
function productToken(req: IncomingMessage, body: unknown): string | undefined {
  const header = req.headers["x-cm-producttoken"];
  if (typeof header === "string" && header !== "") return header;
  const token = getCi(getCi(getCi(body, "messages"), "authentication"), "productToken");
  return typeof token === "string" ? token : undefined;
}

function rawRecipients(raw: unknown): string[] {
  const to = getCi(raw, "to");
  if (!Array.isArray(to)) return [""];
  const numbers = to
    .map((r) => getCi(r, "number"))
    .map((n) => (typeof n === "string" || typeof n === "number" ? String(n) : ""));
  return numbers.length > 0 ? numbers : [""];
}

const FIELD_CODES: Record<string, number> = { from: 301, to: 302, body: 304 };

function judge(account: TSimAccount, raw: unknown, messageFault: TStoredFault | undefined): TJudgement {
  const parsed = ZCmSendMessage.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join(".") ?? "";
    const code = FIELD_CODES[String(issue?.path[0])] ?? 305;
    return {
      ok: false,
      code,
      details: `Invalid field '${field}': ${issue?.message ?? "invalid"}`,
      recipients: rawRecipients(raw),
    };
  }
  const msg = parsed.data;
  const recipients = msg.to.map((r) => r.number);
  const fail = (code: number, details: string): TJudgement => ({
    ok: false,
    code,
    details,
    recipients: recipients.length > 0 ? recipients : [""],
  });

  if (messageFault?.type === "reject")
    return fail(messageFault.code, messageFault.details ?? describeCmCode(messageFault.code));
  if (msg.reference !== undefined && !CM_REFERENCE_PATTERN.test(msg.reference)) {
    return fail(305, "The reference must be 1 to 32 alphanumeric characters");
  }
  if (msg.from !== account.igAccountId) return fail(301, "The 'from' is not the Instagram account ID of this account");
  if (recipients.length === 0) return fail(302, "No recipients were found");
  if (msg.allowedChannels !== undefined && !msg.allowedChannels.some((c) => c.toLowerCase() === "instagram")) {
    return fail(305, "None of the allowed channels is available on this account (only Instagram)");
  }
  const { problems } = validateInstagramMessage(msg);
  const problem = problems[0];
  if (problem !== undefined) return fail(problem.code, `${problem.field}: ${problem.reason}`);
  return {
    ok: true,
    msg,
    // An IGSID is a number; anything else cannot be an Instagram recipient.
    recipients: recipients.map((to) =>
      to === ""
        ? { to, code: 302, details: "The recipient is empty" }
        : /^\d{1,32}$/.test(to)
          ? { to, code: 0, details: null }
          : { to, code: 303, details: "The recipient is not an Instagram-scoped user ID" },
    ),
  };
}

export async function handleSend(deps: TGatewayDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const fault = deps.faults.take(["http_error", "hang", "slow", "reject"]);
  if (fault?.type === "hang") return; // the socket stays open until the client times out or we close
  if (fault?.type === "http_error") {
    res.writeHead(fault.status, { "Content-Type": "text/html" });
    res.end(fault.body ?? `<html><body>${fault.status} (simulated)</body></html>`);
    return;
  }
  if (fault?.type === "slow") await deps.lifecycle.sleep(fault.delayMs);

  const json = parseJson(await readBody(req));
  if (!json.ok) return requestError(res, 202);
  const token = productToken(req, json.value);
  const account = token === undefined ? undefined : deps.accounts.byToken(token);
  if (account === undefined) return requestError(res, 101);
  if (fault?.type === "reject" && fault.scope === "request")
    return requestError(res, fault.code, fault.details, fault.httpStatus);

  const msgField = getCi(getCi(json.value, "messages"), "msg");
  if (typeof msgField !== "object" || msgField === null) return requestError(res, 203);
  const rawMessages: unknown[] = Array.isArray(msgField) ? msgField : [msgField];
  if (rawMessages.length === 0) return requestError(res, 203);

  const entries: TResponseEntry[] = [];
  for (const raw of rawMessages) {
    const verdict = judge(account, raw, fault?.type === "reject" ? fault : undefined);
    if (!verdict.ok) {
      const reference = getCi(raw, "reference");
      for (const to of verdict.recipients) {
        entries.push({
          to,
          status: "Rejected",
          reference: typeof reference === "string" ? reference : null,
          parts: 0,
          messageDetails: verdict.details,
          messageErrorCode: verdict.code,
        });
      }
      continue;
    }
    const reference = verdict.msg.reference ?? null;
    const accepted = verdict.recipients.filter((r) => r.code === 0).map((r) => r.to);
    for (const r of verdict.recipients) {
      entries.push({
        to: r.to,
        status: r.code === 0 ? "Accepted" : "Rejected",
        reference,
        parts: r.code === 0 ? 1 : 0,
        messageDetails: r.details,
        messageErrorCode: r.code,
      });
    }
    if (accepted.length === 0) continue;
    deps.messages.add({
      account: { igAccountId: account.igAccountId, name: account.name ?? null },
      reference,
      to: accepted,
      msg: applyInstagramTruncations(verdict.msg),
      truncations: validateInstagramMessage(verdict.msg).truncations,
    });
    for (const to of accepted) scheduleStatusReports(deps, account, to, reference);
  }

  const created = entries.filter((e) => e.status === "Accepted").length;
  const errorCode = created === entries.length ? 0 : 201;
  deps.log(`send ${tokenHint(account.productToken)} → ${created}/${entries.length} accepted`);
  sendJson(res, created === 0 ? 400 : 200, { details: `Created ${created} message(s)`, errorCode, messages: entries });
}
