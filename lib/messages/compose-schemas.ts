import { z } from "zod";
import { INSTAGRAM_LIMITS, charCount } from "../cm/limits";

// What the composer sends, validated the same way in the browser (before sending) and on the
// server (before storing). Limits come from the one Instagram table (lib/cm/limits.ts).

export const ZSendText = z.object({
  text: z
    .string()
    .refine((t) => t.trim().length > 0, "The message is empty.")
    .refine(
      (t) => charCount(t) <= INSTAGRAM_LIMITS.textMaxChars,
      `Instagram allows at most ${INSTAGRAM_LIMITS.textMaxChars} characters.`,
    ),
  /** The browser's id for its optimistic bubble, echoed back in events. */
  clientId: z.string().max(64).optional(),
  /** The agent confirms that sending takes a handed-over chat back from the Instagram inbox. */
  takeBack: z.boolean().optional(),
});
export type TSendText = z.infer<typeof ZSendText>;
