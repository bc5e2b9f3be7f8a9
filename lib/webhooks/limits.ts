/** CM's webhooks are small JSON documents; anything bigger is not one of them. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;
