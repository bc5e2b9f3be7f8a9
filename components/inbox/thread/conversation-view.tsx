"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { RichComposer } from "@/components/composer/rich-composer";
import { TextComposer } from "@/components/composer/text-composer";
import { useMarkOpen } from "@/components/realtime/open-conversation";
import { clearUnread, conversationKeys, type TConversationPages } from "@/lib/queries/conversations";
import { conversationDetailKey, fetchConversation, postRead } from "@/lib/queries/messages";
import { canSend } from "@/lib/channel/rules";
import { ApiError } from "@/lib/http/fetch-json";
import type { TOutboundContentInput } from "@/lib/messages/compose-schemas";
import { ConversationLabels } from "@/components/labels/conversation-labels";
import { ChannelStatus } from "./channel-status";
import { ContactToggle } from "@/components/inbox/contact/contact-panel";
import { BackToList } from "./back-to-list";
import { ConversationActions } from "@/components/inbox/actions/conversation-actions";
import { DailyLimitNotice } from "./daily-limit-notice";
import { useInboxAccounts } from "@/lib/queries/inbox-accounts";
import { ConversationNotFound } from "./conversation-not-found";
import { contactName } from "@/lib/contacts/contact-name";
import { useNow } from "@/components/hooks/use-now";
import { MessageBubble } from "./message-bubble";
import { NewerMessages } from "./newer-messages";
import { useLoadMore } from "@/components/hooks/use-load-more";
import { useAddNote } from "./use-add-note";
import { useSendMessage } from "./use-send-message";
import { useTeamComposer } from "@/components/inbox/presence/use-team-composer";
import { useThread } from "./use-thread";

export function ConversationView({ conversationId }: { conversationId: string }) {
  const queryClient = useQueryClient();
  useMarkOpen(conversationId);
  const accounts = useInboxAccounts();
  const conversation = useQuery({
    queryKey: conversationDetailKey(conversationId),
    queryFn: () => fetchConversation(conversationId),
  });
  const thread = useThread(conversationId);
  const { send, retry, retryError, cancel, cancelError } = useSendMessage(conversationId);
  const now = useNow();
  const [rich, setRich] = useState(false);
  // The text composer writes a private note instead of a reply (a keyboard shortcut may switch it).
  const [noteMode, setNoteMode] = useState(false);
  const addNote = useAddNote(conversationId);
  // An image dropped on the text composer opens the rich composer's image editor with it.
  const [droppedFile, setDroppedFile] = useState<File | null>(null);
  // A saved reply that is more than text opens the rich composer with its (filled) content.
  const [initialContent, setInitialContent] = useState<TOutboundContentInput | undefined>(undefined);

  // Opening a conversation marks it read for this agent.
  useEffect(() => {
    void postRead(conversationId).then(
      () =>
        queryClient.setQueriesData<TConversationPages>({ queryKey: conversationKeys.lists() }, (data) =>
          clearUnread(data, conversationId),
        ),
      () => {},
    );
  }, [conversationId, queryClient]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = thread;
  const loadOlder = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const sentinel = useLoadMore<HTMLLIElement>(loadOlder, hasNextPage);

  const { messages, followLatest } = thread;
  const team = useTeamComposer(conversationId, messages);
  const newestId = messages.at(-1)?.id;
  const bottom = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (followLatest) bottom.current?.scrollIntoView({ block: "end" });
  }, [newestId, followLatest]);

  if (conversation.isError) {
    // Gone, or no longer ours to see (an admin removed this agent from its account).
    if (conversation.error instanceof ApiError && conversation.error.status === 404) return <ConversationNotFound />;
    return (
      <p role="alert" className="p-6 text-sm text-red-800">
        This conversation could not be opened: {conversation.error.message}
      </p>
    );
  }
  const name = conversation.data ? contactName(conversation.data.contact) : "";
  const account = accounts.data?.accounts.find((a) => a.id === conversation.data?.accountId);
  const humanAgentTag = account?.humanAgentTag ?? false;
  const verdict = conversation.data ? canSend(conversation.data, now, { takeBack: false, humanAgentTag }) : null;
  const blocked = verdict && !verdict.ok && verdict.code === "WINDOW_CLOSED" ? verdict.reason : null;
  const handedOver = verdict?.ok === false && verdict.code === "HANDED_OVER";

  return (
    <div className="flex h-full flex-col">
      <header className="border-b border-neutral-200 bg-white px-4 py-3">
        <BackToList />
        <h2 className="font-semibold">{conversation.data ? name : "Loading…"}</h2>
        {conversation.data && (
          <p className="text-xs text-neutral-500">
            {conversation.data.contact.username ? `@${conversation.data.contact.username} · ` : ""}
            {conversation.data.accountName}
          </p>
        )}
        {conversation.data && (
          <div className="mt-1">
            <ChannelStatus conversation={conversation.data} now={now} humanAgentTag={humanAgentTag} />
          </div>
        )}
        {team.viewers}
        {conversation.data && <ConversationActions conversation={conversation.data} />}
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {conversation.data && <ConversationLabels conversation={conversation.data} />}
          <ContactToggle />
        </div>
      </header>
      {/* Focusable, so the keyboard scrolls a thread of text bubbles (nothing else in it takes focus). */}
      <div role="region" aria-label="Thread" tabIndex={0} className="min-h-0 flex-1 overflow-y-auto bg-white px-4 py-3">
        {thread.isPending && (
          <p role="status" className="text-sm text-neutral-500">
            Loading messages…
          </p>
        )}
        {thread.isError && (
          <p role="alert" className="text-sm text-red-800">
            Messages could not be loaded: {thread.error.message}
          </p>
        )}
        <ol aria-label="Messages" className="flex flex-col gap-2">
          {hasNextPage && (
            <li ref={sentinel} aria-hidden className="text-center text-xs text-neutral-500">
              {isFetchingNextPage ? "Loading older messages…" : ""}
            </li>
          )}
          {messages.map((message) => (
            <MessageBubble
              key={message.clientId ?? message.id}
              message={message}
              onRetry={(message) => (message.kind === "NOTE" ? addNote.retry(message) : retry(message))}
              onCancel={cancel}
              targeted={message.id === thread.anchorId}
            />
          ))}
          <NewerMessages hasNewer={thread.hasNewer} loading={thread.isFetchingNewer} onLoad={thread.loadNewer} />
        </ol>
        {retryError && (
          <p role="alert" className="mt-2 text-sm text-red-800">
            Retry failed: {retryError.message}
          </p>
        )}
        {cancelError && (
          <p role="alert" className="mt-2 text-sm text-red-800">
            Could not cancel: {cancelError.message}
          </p>
        )}
        <div ref={bottom} />
      </div>
      <DailyLimitNotice account={account} />
      {rich ? (
        <RichComposer
          onSend={(content, options) => {
            send(content, options);
            setRich(false);
          }}
          blocked={blocked}
          handedOver={handedOver}
          onCancel={() => setRich(false)}
          droppedFile={droppedFile}
          initialContent={initialContent}
          onTyping={team.onTyping}
          confirmSend={team.confirmSend}
        />
      ) : (
        <div
          // Taken even while sending is blocked: a file dropped and not taken, the browser opens
          // in place of the inbox.
          onDragOver={(event) => {
            if (!event.dataTransfer.types.includes("Files")) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = blocked ? "none" : "copy";
          }}
          onDrop={(event) => {
            const file = event.dataTransfer.files[0];
            if (file === undefined) return;
            event.preventDefault();
            if (blocked) return;
            setInitialContent(undefined);
            setDroppedFile(file);
            setRich(true);
          }}
        >
          <TextComposer
            onSend={(text, options) => send({ kind: "text", text }, options)}
            blocked={blocked}
            handedOver={handedOver}
            savedReplies={
              conversation.data && {
                customer: conversation.data.contact,
                onRichReply: (content) => {
                  setDroppedFile(null);
                  setInitialContent(content);
                  setRich(true);
                },
              }
            }
            onTyping={team.onTyping}
            confirmSend={team.confirmSend}
            note={{ conversationId, active: noteMode, onToggle: () => setNoteMode((on) => !on), onAdd: addNote.add }}
            extra={
              <button
                type="button"
                onClick={() => {
                  setDroppedFile(null);
                  setInitialContent(undefined);
                  setRich(true);
                }}
                disabled={Boolean(blocked)}
                className="font-medium text-blue-700 hover:underline disabled:text-neutral-400"
              >
                Rich message
              </button>
            }
          />
        </div>
      )}
      {team.dialog}
    </div>
  );
}
