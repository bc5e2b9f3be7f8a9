import { afterEach, expect, it, vi } from "vitest";
import type { TIo } from "../../runtime";
import type { TConversationPresence } from "../conversation-presence-state";
import { announceConversationPresence } from "./conversation-presence";

// An instance too loaded to answer the adapter in time (or just dead) leaves only this
// instance's sockets to announce; a second later every instance is asked again, so a partial
// announcement sent after a full one does not stay the last word.

const socket = (id: string, name: string) => ({
  data: { user: { id, name }, presence: { conversationId: "c1", typingUntil: 0 } },
});

/** An io whose cluster-wide fetch fails `failures` times; this instance holds Sam, the other Ada. */
function fakeIo(failures: number) {
  const sent: TConversationPresence[] = [];
  let left = failures;
  const io = {
    in: () => ({
      fetchSockets: async () => {
        if (left-- > 0) throw new Error("timeout reached: only 1 responses received out of 2");
        return [socket("u-sam", "Sam"), socket("u-ada", "Ada")];
      },
    }),
    local: { in: () => ({ fetchSockets: async () => [socket("u-sam", "Sam")] }) },
    to: () => ({ emit: (_event: string, presence: TConversationPresence) => sent.push(presence) }),
  };
  return { io: io as unknown as TIo, viewers: () => sent.map((p) => p.viewers.map((v) => v.name)) };
}

afterEach(() => vi.useRealTimers());

it("announces this instance's viewers when another does not answer, and everyone's a second later", async () => {
  vi.useFakeTimers();
  const { io, viewers } = fakeIo(1);
  await announceConversationPresence(io, "c1");
  expect(viewers()).toEqual([["Sam"]]);
  await vi.advanceTimersByTimeAsync(999);
  expect(viewers()).toEqual([["Sam"]]);
  await vi.advanceTimersByTimeAsync(1);
  expect(viewers()).toEqual([["Sam"], ["Ada", "Sam"]]);
});

it("asks again only once (an instance that stays silent is not asked every second), and not after a full answer", async () => {
  vi.useFakeTimers();
  const failing = fakeIo(5);
  await announceConversationPresence(failing.io, "c1");
  await vi.advanceTimersByTimeAsync(10_000);
  expect(failing.viewers()).toEqual([["Sam"], ["Sam"]]);

  const answering = fakeIo(0);
  await announceConversationPresence(answering.io, "c1");
  await vi.advanceTimersByTimeAsync(10_000);
  expect(answering.viewers()).toEqual([["Ada", "Sam"]]);
});
