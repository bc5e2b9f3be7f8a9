import { z } from "zod";
import { ERROR_STATUS } from "../errors";

// The answers every entity shares, beside the route wrapper that writes them (lib/http/route.ts)
// and the fetchers that read them (lib/http/fetch-json.ts). An entity's own answers live beside
// the view they carry (lib/<entity>/schemas.ts).

/** Every code an error answer carries: AppError's (lib/errors.ts) and INTERNAL for our own bugs. */
export const ERROR_CODES = [...(Object.keys(ERROR_STATUS) as (keyof typeof ERROR_STATUS)[]), "INTERNAL"] as const;

/** Any refusal or failure, whatever the route: `{ error: { code, message, details? } }`. */
export const ZErrorAnswer = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).describe("What went wrong, for code: the HTTP status follows from it (lib/errors.ts)."),
      message: z.string().describe("What went wrong, in words fit to show the user."),
      details: z
        .unknown()
        .optional()
        .describe(
          "Depends on the refusal: the list of problems (400), the current state someone else saved (409), when to try again (429).",
        ),
    }),
  })
  .describe("An error answer (any status from 400 up).");
export type TErrorAnswer = z.infer<typeof ZErrorAnswer>;

/** DELETE of one thing (an account, a label, a saved reply): it is gone. */
export const ZDeletedAnswer = z.object({ deleted: z.literal(true) }).describe("The thing is deleted.");
