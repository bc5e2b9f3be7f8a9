"use client";

import { useQuery } from "@tanstack/react-query";
import { useNow } from "@/components/hooks/use-now";
import { useMarkOpen } from "@/components/realtime/open-conversation";
import { ApiError } from "@/lib/http/fetch-json";
import { useInboxAccounts } from "@/lib/queries/inbox-accounts";
import { conversationDetailKey, fetchConversation } from "@/lib/queries/messages";
import { useTeamComposer } from "../presence/use-team-composer";
import { ConversationComposer } from "./conversation-composer";
import { ConversationHeader } from "./conversation-header";
import { ConversationNotFound } from "./conversation-not-found";
import { DailyLimitNotice } from "./daily-limit-notice";
import { replyGate } from "./reply-gate";
import { ThreadMessages } from "./thread-messages";
import { useAddNote } from "./use-add-note";
import { useMarkRead } from "./use-mark-read";
import { useSendMessage } from "./use-send-message";
import { useThread } from "./use-thread";

/** An open conversation: its header, its thread and the composer, for one agent beside the others. */
export function ConversationView({ conversationId }: { conversationId: string }) {
  useMarkOpen(conversationId);
  const accounts = useInboxAccounts();
  const conversation = useQuery({
    queryKey: conversationDetailKey(conversationId),
    queryFn: () => fetchConversation(conversationId),
  });
  const thread = useThread(conversationId);
  const { send, retry, retryError, cancel, cancelError } = useSendMessage(conversationId);
  const now = useNow();
  const addNote = useAddNote(conversationId);
  useMarkRead(conversationId);
  const team = useTeamComposer(conversationId, thread.messages);

  if (conversation.isError) {
    // Gone, or no longer ours to see (an admin removed this agent from its account).
    if (conversation.error instanceof ApiError && conversation.error.status === 404) return <ConversationNotFound />;
    return (
      <p role="alert" className="p-6 text-sm text-red-800">
        This conversation could not be opened: {conversation.error.message}
      </p>
    );
  }
  const account = accounts.data?.accounts.find((a) => a.id === conversation.data?.accountId);
  const humanAgentTag = account?.humanAgentTag ?? false;

  return (
    <div className="flex h-full flex-col">
      <ConversationHeader
        conversation={conversation.data}
        now={now}
        humanAgentTag={humanAgentTag}
        viewers={team.viewers}
      />
      <ThreadMessages
        thread={thread}
        onRetry={(message) => (message.kind === "NOTE" ? addNote.retry(message) : retry(message))}
        onCancel={cancel}
        retryError={retryError}
        cancelError={cancelError}
      />
      <DailyLimitNotice account={account} />
      <ConversationComposer
        conversationId={conversationId}
        conversation={conversation.data}
        gate={replyGate(conversation.data, now, humanAgentTag)}
        onSend={send}
        onAddNote={addNote.add}
        team={team}
      />
      {team.dialog}
    </div>
  );
}
