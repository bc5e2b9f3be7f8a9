import { fetchJson, sendJson } from "../http/fetch-json";
import { ZAgentSettingsAnswer, type TAgentSettings, type TAgentSettingsUpdate } from "../notifications/schemas";

export const settingsKeys = {
  all: ["settings"] as const,
  mine: () => [...settingsKeys.all, "me"] as const,
};

export function fetchMySettings(): Promise<TAgentSettings> {
  return fetchJson("/api/me/settings", ZAgentSettingsAnswer).then((r) => r.settings);
}

export function putMySettings(update: TAgentSettingsUpdate): Promise<TAgentSettings> {
  return sendJson("PUT", "/api/me/settings", ZAgentSettingsAnswer, update).then((r) => r.settings);
}
