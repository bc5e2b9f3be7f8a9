import { createSlidingWindowLimit } from "./sliding-window-limit";

/**
 * Image-type probes each agent may make per minute (each is a request from our server to an
 * address the agent chose). The composer asks once per link, after typing pauses: 20 leaves
 * room for a busy agent and none for a scan. Counted per instance (sliding-window-limit.ts).
 */
export const PROBES_PER_MINUTE = 20;

export const probeLimit = createSlidingWindowLimit({ limit: PROBES_PER_MINUTE, windowMs: 60_000 });
