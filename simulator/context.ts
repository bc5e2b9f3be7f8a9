import type { TAccountStore } from "./accounts";
import type { TFaultStore } from "./faults";
import type { TLifecycle } from "./lifecycle";
import type { TMessageLog } from "./message-log";
import type { TFailingRecipients } from "./status-reports";
import type { TWebhookSender } from "./webhook-sender";

/** Everything one simulator instance holds; handlers get it instead of reaching for globals. */
export type TSimContext = {
  accounts: TAccountStore;
  messages: TMessageLog;
  /** Instagram message ID of each customer's last message (`<igAccountId>:<igsid>`), the default target of MessageDelete. */
  lastCustomerMids: Map<string, string>;
  faults: TFaultStore;
  failing: TFailingRecipients;
  webhooks: TWebhookSender;
  lifecycle: TLifecycle;
  delayMs: number;
  log: (line: string) => void;
};
