import { z } from "zod";
import { ZConversationSummary } from "./summary";

// What the inbox list shows, as the URL and the API say it: shared by server and browser.

export const VIEWS = ["mine", "unassigned", "all"] as const;
/** `open`: the team's open conversations; `bot`: open ones a bot answers first (issue 21). */
export const STATUS_FILTERS = ["open", "bot", "snoozed", "resolved", "all"] as const;
export const WINDOW_FILTERS = ["any", "open", "closing", "closed"] as const;
export const SORTS = ["newest", "waiting", "closing", "sla"] as const;

export type TView = (typeof VIEWS)[number];
export type TStatusFilter = (typeof STATUS_FILTERS)[number];
export type TWindowFilter = (typeof WINDOW_FILTERS)[number];
export type TSort = (typeof SORTS)[number];

/** The list's filters; every field has a default, so an empty URL is the default list. */
export const ZListFilters = z.object({
  view: z.enum(VIEWS).catch("all").default("all"),
  status: z.enum(STATUS_FILTERS).catch("open").default("open"),
  /** An Instagram account's id, or absent for every account the agent may see. */
  account: z.string().max(100).optional().catch(undefined),
  /** A label's id: only conversations carrying it. */
  label: z.string().max(100).optional().catch(undefined),
  window: z.enum(WINDOW_FILTERS).catch("any").default("any"),
  /** Only chats handed over to the Instagram inbox right now. */
  handover: z
    .enum(["1", "0"])
    .transform((v) => v === "1")
    .or(z.boolean())
    .catch(false)
    .default(false),
  sort: z.enum(SORTS).catch("newest").default("newest"),
});
export type TListFilters = z.infer<typeof ZListFilters>;

export const DEFAULT_FILTERS: TListFilters = ZListFilters.parse({});

/** The filters as URL parameters, defaults left out (so the plain inbox URL stays plain). */
export function filtersToParams(filters: TListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.view !== DEFAULT_FILTERS.view) params.set("view", filters.view);
  if (filters.status !== DEFAULT_FILTERS.status) params.set("status", filters.status);
  if (filters.account) params.set("account", filters.account);
  if (filters.label) params.set("label", filters.label);
  if (filters.window !== DEFAULT_FILTERS.window) params.set("window", filters.window);
  if (filters.handover) params.set("handover", "1");
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set("sort", filters.sort);
  return params;
}

/** Reads filters from URL parameters; anything unknown falls back to its default. */
export function filtersFromParams(params: URLSearchParams): TListFilters {
  return ZListFilters.parse(
    Object.fromEntries(
      ["view", "status", "account", "label", "window", "handover", "sort"].flatMap((k) => {
        const v = params.get(k);
        return v === null ? [] : [[k, v]];
      }),
    ),
  );
}

/** Open conversations per view, for the tabs' counts. */
export const ZViewCounts = z
  .object({ mine: z.number(), unassigned: z.number(), all: z.number() })
  .describe("GET /api/conversations/counts: open conversations in Mine, Unassigned and All.");
export type TViewCounts = z.infer<typeof ZViewCounts>;

/** Assign (agent id) or unassign (null). `expectedAssigneeId`: who the agent saw holding it. */
export const ZAssignBody = z.object({
  assigneeId: z.string().min(1).max(100).nullable(),
  /** When given and someone else holds it now, the change is refused (409): someone was faster. */
  expectedAssigneeId: z.string().max(100).nullable().optional(),
});
export type TAssignBody = z.infer<typeof ZAssignBody>;

export const ZStatusBody = z.discriminatedUnion("status", [
  z.object({ status: z.literal("OPEN") }),
  z.object({ status: z.literal("RESOLVED") }),
  z.object({
    status: z.literal("SNOOZED"),
    /** When it opens again by itself: in the future, within a year. */
    until: z.iso.datetime({ offset: true, error: "must be a date and time" }),
  }),
]);
export type TStatusBody = z.infer<typeof ZStatusBody>;

/** An agent the conversation can be assigned to, as the picker shows them. */
export const ZAssignableAgent = z.object({ id: z.string(), name: z.string(), online: z.boolean() });
export const ZAssignableAgents = z
  .object({ agents: z.array(ZAssignableAgent).describe("Online ones first, then by name.") })
  .describe("GET /api/conversations/<id>/agents: who the conversation can be assigned to.");
export type TAssignableAgent = z.infer<typeof ZAssignableAgent>;

/** An account as the inbox's filter lists it. */
export const ZInboxAccounts = z
  .object({
    accounts: z.array(
      z.object({
        id: z.string(),
        displayName: z.string(),
        /** A person's replies 24 hours to 7 days after the customer wrote go out with the HUMAN_AGENT tag. */
        humanAgentTag: z.boolean(),
        /** Instagram's daily limit: sends in the last 24 h against 200 × the people reachable now. */
        usage: z.object({
          sent: z.number(),
          reachable: z.number(),
          limit: z.number(),
          level: z.enum(["ok", "warn", "reached"]),
        }),
      }),
    ),
  })
  .describe("GET /api/accounts: the Instagram accounts this agent works (all of them for an admin), by name.");
export type TInboxAccount = z.infer<typeof ZInboxAccounts>["accounts"][number];

export const ZMarkedRead = z
  .object({ read: z.literal(true) })
  .describe("POST /api/conversations/<id>/read: everything in it is seen by this agent now.");

export const ZDemoMessageAnswer = z
  .object({ conversation: ZConversationSummary.optional().describe("The customer's conversation as it is now.") })
  .describe("POST /api/demo/messages (demo mode only): the message is stored as if Instagram had sent it.");
