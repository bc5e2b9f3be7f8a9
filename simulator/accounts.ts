import { z } from "zod";

// Accounts as CM's Channels app knows them: a product token, the Instagram account it sends as,
// and the three webhook URLs registered for it (FORMATS.md §0).

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ZSimWebhookKind = z.enum(["messages", "events", "statusReports"]);
export type TSimWebhookKind = z.infer<typeof ZSimWebhookKind>;

export const ZSimAccount = z.object({
  // CM's tokens are GUIDs and "must always include hyphens" (FORMATS.md §1.1).
  productToken: z.string().regex(GUID, "must be a GUID with hyphens"),
  igAccountId: z.string().regex(/^\d+$/, "must be digits (an Instagram account ID)"),
  name: z.string().optional(),
  webhooks: z
    .object({ messages: z.url().optional(), events: z.url().optional(), statusReports: z.url().optional() })
    .default({}),
  /** IGSIDs whose messages get a failed status report instead of delivered. */
  failingRecipients: z.array(z.string()).default([]),
});
export type TSimAccount = z.infer<typeof ZSimAccount>;

export type TAccountStore = {
  upsert(account: TSimAccount): void;
  list(): TSimAccount[];
  remove(productToken: string): boolean;
  byToken(productToken: string): TSimAccount | undefined;
  /** `account` may be the Instagram account ID or the product token. */
  find(account: string): TSimAccount | undefined;
};

export function createAccountStore(initial: readonly TSimAccount[] = []): TAccountStore {
  // GUIDs compare case-insensitively.
  const byToken = new Map<string, TSimAccount>();
  const store: TAccountStore = {
    upsert(account) {
      byToken.set(account.productToken.toLowerCase(), account);
    },
    list: () => [...byToken.values()],
    remove: (token) => byToken.delete(token.toLowerCase()),
    byToken: (token) => byToken.get(token.toLowerCase()),
    find: (account) => store.byToken(account) ?? [...byToken.values()].find((a) => a.igAccountId === account),
  };
  initial.forEach(store.upsert);
  return store;
}

/** Product tokens are secrets; only a tail goes into logs and control-API answers. */
export function tokenHint(token: string): string {
  return `…${token.slice(-4)}`;
}
