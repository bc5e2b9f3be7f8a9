import { z } from "zod";
import { ZSimWebhookKind } from "./accounts";

// Fault injection for tests: make the gateway fail the way real networks and CM do, and make the
// webhooks arrive badly. A fault with `times` fires that many times and is removed; without it,
// it stays until `DELETE /_sim/faults`.

const ZTimes = { times: z.number().int().positive().optional() };
const ZWebhookTarget = { webhook: ZSimWebhookKind.optional() };

export const ZSimFault = z.discriminatedUnion("type", [
  /** Answer the send with this HTTP status and a non-CM body (a proxy or gateway error). */
  z.object({
    type: z.literal("http_error"),
    status: z.number().int().min(400).max(599).default(503),
    body: z.string().optional(),
    ...ZTimes,
  }),
  /** Never answer the send (the connection stays open until the client gives up). */
  z.object({ type: z.literal("hang"), ...ZTimes }),
  /** Answer the send normally, but only after `delayMs`. */
  z.object({ type: z.literal("slow"), delayMs: z.number().int().nonnegative(), ...ZTimes }),
  /** Reject with a CM code: for the whole request (`messages: []`) or for every msg. */
  z.object({
    type: z.literal("reject"),
    code: z.number().int(),
    scope: z.enum(["request", "message"]).default("request"),
    httpStatus: z.number().int().min(200).max(599).optional(),
    details: z.string().optional(),
    ...ZTimes,
  }),
  z.object({ type: z.literal("webhook_drop"), ...ZWebhookTarget, ...ZTimes }),
  z.object({ type: z.literal("webhook_duplicate"), ...ZWebhookTarget, ...ZTimes }),
  z.object({ type: z.literal("webhook_delay"), delayMs: z.number().int().nonnegative(), ...ZWebhookTarget, ...ZTimes }),
  /** Status reports of the next accepted message arrive in reverse order (delivered before accepted). */
  z.object({ type: z.literal("webhook_reorder"), ...ZTimes }),
]);
export type TSimFault = z.infer<typeof ZSimFault>;
export type TStoredFault = TSimFault & { id: number; remaining: number | null };

export type TFaultStore = {
  add(fault: TSimFault): TStoredFault;
  list(): TStoredFault[];
  clear(): void;
  remove(id: number): boolean;
  /** Consumes one firing of the first fault that matches. */
  take<T extends TSimFault["type"]>(
    types: readonly T[],
    matches?: (fault: Extract<TSimFault, { type: T }>) => boolean,
  ): Extract<TStoredFault, { type: T }> | undefined;
};

export function createFaultStore(): TFaultStore {
  let faults: TStoredFault[] = [];
  let nextId = 1;
  return {
    add(fault) {
      const stored: TStoredFault = { ...fault, id: nextId++, remaining: fault.times ?? null };
      faults.push(stored);
      return stored;
    },
    list: () => faults.map((f) => ({ ...f })),
    clear() {
      faults = [];
    },
    remove(id) {
      const before = faults.length;
      faults = faults.filter((f) => f.id !== id);
      return faults.length < before;
    },
    take(types, matches) {
      const found = faults.find(
        (f) => (types as readonly string[]).includes(f.type) && (matches === undefined || matches(f as never)),
      );
      if (found === undefined) return undefined;
      if (found.remaining !== null) {
        found.remaining -= 1;
        if (found.remaining <= 0) faults = faults.filter((f) => f !== found);
      }
      return found as never;
    },
  };
}
