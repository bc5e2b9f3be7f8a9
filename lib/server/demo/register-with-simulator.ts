import type { TAccountView } from "../../accounts/schemas";
import { DEMO_ACCOUNT } from "./demo-fixtures";

/**
 * Demo wiring: tells the CM simulator about the demo account (its token and our webhook URLs),
 * as an admin would in CM's Channels app. Over HTTP: the app never imports the simulator.
 */
export async function registerWithSimulator(simulatorUrl: string, account: TAccountView): Promise<void> {
  const response = await fetch(`${simulatorUrl.replace(/\/+$/, "")}/_sim/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      productToken: DEMO_ACCOUNT.productToken,
      igAccountId: account.igAccountId,
      name: account.displayName,
      webhooks: account.webhookUrls,
    }),
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok) throw new Error(`the simulator answered ${response.status}`);
}
