// Background work (status reports, webhook retries, slow answers) runs on timers; closing the
// simulator must stop all of it so tests end cleanly and nothing posts after `close()`.

export class SimulatorClosedError extends Error {
  constructor() {
    super("simulator closed");
  }
}

export type TLifecycle = {
  readonly closed: boolean;
  /** Waits `ms`; rejects with SimulatorClosedError if the simulator closes first. */
  sleep(ms: number): Promise<void>;
  /** Runs a background task, swallowing only the error that closing causes. */
  spawn(task: () => Promise<void>, onError: (error: unknown) => void): void;
  /** An AbortSignal that fires on close, for outgoing requests. */
  readonly signal: AbortSignal;
  close(): Promise<void>;
};

export function createLifecycle(): TLifecycle {
  const controller = new AbortController();
  const sleepers = new Set<{ timer: NodeJS.Timeout; reject: (e: Error) => void }>();
  const tasks = new Set<Promise<void>>();

  return {
    get closed() {
      return controller.signal.aborted;
    },
    signal: controller.signal,
    sleep(ms) {
      if (controller.signal.aborted) return Promise.reject(new SimulatorClosedError());
      return new Promise((resolve, reject) => {
        const entry = {
          timer: setTimeout(() => {
            sleepers.delete(entry);
            resolve();
          }, ms),
          reject,
        };
        sleepers.add(entry);
      });
    },
    spawn(task, onError) {
      const running = task()
        .catch((error: unknown) => {
          if (!(error instanceof SimulatorClosedError) && !controller.signal.aborted) onError(error);
        })
        .finally(() => tasks.delete(running));
      tasks.add(running);
    },
    async close() {
      controller.abort();
      for (const s of sleepers) {
        clearTimeout(s.timer);
        s.reject(new SimulatorClosedError());
      }
      sleepers.clear();
      await Promise.allSettled([...tasks]);
    },
  };
}
