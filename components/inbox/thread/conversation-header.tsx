"use client";

import type { ReactNode } from "react";
import { ConversationLabels } from "@/components/labels/conversation-labels";
import type { TConversationSummary } from "@/lib/conversations/summary";
import { contactName } from "@/lib/contacts/contact-name";
import { ConversationActions } from "../actions/conversation-actions";
import { ContactToggle } from "../contact/contact-panel";
import { BackToList } from "./back-to-list";
import { ChannelStatus } from "./channel-status";

/**
 * Who the conversation is with and where it stands: the contact, the channel's state, who else
 * is here (`viewers`), the actions on the conversation and its labels.
 */
export function ConversationHeader({
  conversation,
  now,
  humanAgentTag,
  viewers,
}: {
  /** Undefined while it loads. */
  conversation: TConversationSummary | undefined;
  now: Date;
  humanAgentTag: boolean;
  viewers: ReactNode;
}) {
  return (
    <header className="border-b border-neutral-200 bg-white px-4 py-3">
      <BackToList />
      <h2 className="font-semibold">{conversation ? contactName(conversation.contact) : "Loading…"}</h2>
      {conversation && (
        <p className="text-xs text-neutral-500">
          {conversation.contact.username ? `@${conversation.contact.username} · ` : ""}
          {conversation.accountName}
        </p>
      )}
      {conversation && (
        <div className="mt-1">
          <ChannelStatus conversation={conversation} now={now} humanAgentTag={humanAgentTag} />
        </div>
      )}
      {viewers}
      {conversation && <ConversationActions conversation={conversation} />}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {conversation && <ConversationLabels conversation={conversation} />}
        <ContactToggle />
      </div>
    </header>
  );
}
