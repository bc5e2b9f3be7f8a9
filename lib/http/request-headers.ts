// Headers the custom server (server.ts) sets on every request before Next.js sees it. Any
// incoming header of the same name is overwritten, so neither can be forged by a client.

/** The client's address (for sign-in rate limiting). */
export const CLIENT_IP_HEADER = "x-inbox-client-ip";

/** The requested path, so a page layout can send the user back to it after sign-in. */
export const PATH_HEADER = "x-inbox-path";
