import { z } from "zod";

// API tokens (issue 21) as the admin page and the API send and receive them (shared by server
// and browser). A token's secret appears in exactly one answer: the one that created it.

/**
 * What a token may do. Stable names (integrators write them in their configuration):
 * - `conversations:read`: accounts, conversations, messages, notes, contacts, labels, saved
 *   replies and search (reading);
 * - `messages:write`: send messages and write notes;
 * - `conversations:write`: assign, label, resolve, snooze, and contacts' notes;
 * - `reports:read`: the reports' figures.
 */
export const API_SCOPES = ["conversations:read", "messages:write", "conversations:write", "reports:read"] as const;
export const ZApiScope = z.enum(API_SCOPES, { error: `must be one of ${API_SCOPES.join(", ")}` });
export type TApiScope = z.infer<typeof ZApiScope>;

export const API_TOKEN_NAME_MAX = 80;

/** Requests per token per minute, on all instances together, unless API_RATE_LIMIT says. */
export const API_RATE_LIMIT_DEFAULT = 600;

/** A bot's silence before the inbox hands the conversation to the team, in seconds. */
export const BOT_SILENCE_DEFAULT = 300;
export const BOT_SILENCE_MIN = 10;
export const BOT_SILENCE_MAX = 86_400;

export const ZCreateApiToken = z
  .strictObject({
    name: z
      .string()
      .transform((name) => name.trim().replace(/\s+/g, " "))
      .pipe(z.string().min(1, "give the token a name").max(API_TOKEN_NAME_MAX)),
    scopes: z
      .array(ZApiScope)
      .min(1, "choose at least one scope")
      .transform((scopes) => API_SCOPES.filter((scope) => scopes.includes(scope))),
    /** "all": every account, present and future; else these accounts' ids (at least one). */
    accounts: z.union([
      z.literal("all"),
      z.array(z.string().min(1).max(100)).min(1, "choose at least one account").max(200),
    ]),
    /**
     * A bot (issue 21): conversations that open on its accounts go to it first, until it hands
     * them over (or the customer asks for a person, or it is silent `botSilenceSeconds`).
     */
    bot: z.boolean().default(false),
    botSilenceSeconds: z
      .number({ error: "must be a number of seconds" })
      .int("must be whole seconds")
      .min(BOT_SILENCE_MIN, `at least ${BOT_SILENCE_MIN} seconds`)
      .max(BOT_SILENCE_MAX, "at most a day (86400 seconds)")
      .default(BOT_SILENCE_DEFAULT),
  })
  .refine(
    (token) => !token.bot || (token.scopes.includes("messages:write") && token.scopes.includes("conversations:write")),
    {
      path: ["scopes"],
      message: "a bot needs messages:write (to answer) and conversations:write (to hand over)",
    },
  );
export type TCreateApiToken = z.input<typeof ZCreateApiToken>;
export type TCreateApiTokenParsed = z.output<typeof ZCreateApiToken>;

export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["TEAM", "PERSONAL"]),
  /** The token's first characters, to recognise it ("igi_Ab3x…"). */
  prefix: z.string(),
  scopes: z.array(ZApiScope),
  /** "all", or the accounts it may reach. */
  accounts: z.union([z.literal("all"), z.array(z.object({ id: z.string(), displayName: z.string() }))]),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  /** A bot answers its accounts' new conversations first; `botSilenceSeconds` of silence hands one over. */
  bot: z.boolean(),
  botSilenceSeconds: z.number().int(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZApiTokenList = z
  .object({ tokens: z.array(ZApiToken) })
  .describe("GET /api/admin/api-tokens: every API token, newest first, revoked ones included.");

export const ZCreatedApiToken = z
  .object({
    apiToken: ZApiToken,
    /** The token itself: shown this once, never stored (only its SHA-256 is). */
    token: z.string(),
  })
  .describe("POST /api/admin/api-tokens: the new token, with its secret this once.");

export const ZApiTokenAnswer = z.object({ apiToken: ZApiToken });
