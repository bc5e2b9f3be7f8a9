import { announce } from "../../realtime/server/announce";
import { startWorkerLoop, type TWorker } from "../worker-loop";
import { resolveOutbox, type TOutboxDeps } from "./outbox-deps";
import { runOutboxRound } from "./run-outbox-round";

/**
 * This instance's outbox worker: sends agents' replies stored QUEUED. Woken when a reply is
 * stored; otherwise it looks every second, for retries coming due and for sends whose worker
 * (on any instance) died and whose lease ran out. Start it once socket.io exists, so every
 * state change is announced; stop it before the database closes. Stopping finishes the sends
 * already handed to CM and hands the other claims back for another instance to send at once.
 */
export function startOutbox(deps: TOutboxDeps & { idleMs?: number }): TWorker {
  const outbox = resolveOutbox(deps);
  const stopping = new AbortController();
  const loop = startWorkerLoop({
    name: "outbox",
    idleMs: deps.idleMs ?? 1_000,
    tick: () => runOutboxRound(outbox, (effects) => void announce(effects), stopping.signal),
  });
  return {
    wake: () => loop.wake(),
    stop() {
      stopping.abort();
      return loop.stop();
    },
  };
}
