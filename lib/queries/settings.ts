import { z } from "zod";
import { fetchJson, sendJson } from "../http/fetch-json";
import { ZAgentSettings, type TAgentSettings, type TAgentSettingsUpdate } from "../notifications/schemas";

export const settingsKeys = {
  all: ["settings"] as const,
  mine: () => [...settingsKeys.all, "me"] as const,
};

const ZSettingsAnswer = z.object({ settings: ZAgentSettings });

export function fetchMySettings(): Promise<TAgentSettings> {
  return fetchJson("/api/me/settings", ZSettingsAnswer).then((r) => r.settings);
}

export function putMySettings(update: TAgentSettingsUpdate): Promise<TAgentSettings> {
  return sendJson("PUT", "/api/me/settings", ZSettingsAnswer, update).then((r) => r.settings);
}
