import { z } from "zod";
import { ciObject, ZCodeish } from "../case-insensitive-object";

// The gateway's answer to a send (FORMATS.md §2). It reports acceptance per recipient, never
// delivery. A 2020-era CM plugin's fixtures lack the code fields, so everything but `messages`
// entries' `to`/`status` is optional.

export const ZCmResponseMessage = ciObject({
  to: z.string().nullish(),
  // "Accepted" | "Rejected"; kept as a string so an unexpected value is visible, not fatal.
  status: z.string(),
  reference: z.string().nullish(),
  parts: z.number().nullish(),
  messageDetails: z.string().nullish(),
  messageErrorCode: ZCodeish.optional(),
});
export type TCmResponseMessage = z.infer<typeof ZCmResponseMessage>;

export const ZCmSendResponse = ciObject({
  details: z.string().nullish(),
  errorCode: ZCodeish.optional(),
  messages: z.array(ZCmResponseMessage).nullish(),
});
export type TCmSendResponse = z.infer<typeof ZCmSendResponse>;
