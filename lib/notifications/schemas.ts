import { z } from "zod";

// An agent's own notification choices (AgentSettings), shared by GET/PUT /api/me/settings
// and the account page.

export const ZAgentSettings = z.object({
  /** A browser notification while the inbox's tab is hidden. */
  notifyDesktop: z.boolean(),
  /** A short tone with it. */
  notifySound: z.boolean(),
  /** The count of new messages in the tab's title: "(3) Instagram Inbox". */
  notifyTitle: z.boolean(),
});
export type TAgentSettings = z.infer<typeof ZAgentSettings>;

export const ZAgentSettingsAnswer = z
  .object({ settings: ZAgentSettings })
  .describe("GET and PUT /api/me/settings: all of the agent's choices (after the change, for PUT).");

/** What an agent who never changed anything gets (the table's defaults). */
export const DEFAULT_AGENT_SETTINGS: TAgentSettings = { notifyDesktop: true, notifySound: false, notifyTitle: true };

/** PUT: the choices to change; the others stay. */
export const ZAgentSettingsUpdate = ZAgentSettings.partial()
  .strict()
  .refine((update) => Object.keys(update).length > 0, "Name at least one setting to change.");
export type TAgentSettingsUpdate = z.infer<typeof ZAgentSettingsUpdate>;
