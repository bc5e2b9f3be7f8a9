"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { useSocket } from "@/components/realtime/socket-context";
import { ZMessageView } from "@/lib/messages/schemas";
import { ZMentionNotice } from "@/lib/notes/schemas";
import { noticeForMention, noticesForChange, titleWithCount, type TNotice } from "@/lib/notifications/notify-rules";
import { DEFAULT_AGENT_SETTINGS } from "@/lib/notifications/schemas";
import { ZConversationSummary } from "@/lib/conversations/summary";
import { fetchMySettings, settingsKeys } from "@/lib/queries/settings";
import { EVENTS, type TInboxChange } from "@/lib/realtime/events";
import { playTone } from "./play-tone";

/** Notified message ids remembered, so an event seen twice (replays, reconnects) notifies once. */
const SEEN_LIMIT = 500;

/** Mentions shown in the page at once (the oldest go first). */
const TOASTS_MAX = 3;

/**
 * While this tab is hidden, tells the agent about a customer's new message in a conversation
 * assigned to them or to nobody, and about an @mention of them: a browser notification (when
 * they allowed it, on the account page), a short tone, and the count in the tab's title, each
 * as their own settings say. An @mention while the tab is in view shows in the page instead,
 * until dismissed. Listens on the tab's one socket; mounted once in the app's layout.
 */
export function NotificationCenter() {
  const user = useSessionUser();
  const router = useRouter();
  const socket = useSocket();
  const settings = useQuery({ queryKey: settingsKeys.mine(), queryFn: fetchMySettings, staleTime: 60_000 });
  const choices = useRef(DEFAULT_AGENT_SETTINGS);
  const [toasts, setToasts] = useState<TNotice[]>([]);
  useEffect(() => {
    if (settings.data) choices.current = settings.data;
  }, [settings.data]);

  useEffect(() => {
    if (!socket) return;
    let count = 0;
    const seen = new Set<string>();

    const show = (notice: TNotice) => {
      if (document.visibilityState !== "hidden" || seen.has(notice.tag)) return;
      if (seen.size >= SEEN_LIMIT) seen.clear();
      seen.add(notice.tag);
      const { notifyDesktop, notifySound, notifyTitle } = choices.current;
      count += 1;
      if (notifyTitle) document.title = titleWithCount(document.title, count);
      if (notifyDesktop && typeof Notification !== "undefined" && Notification.permission === "granted") {
        const notification = new Notification(notice.title, { body: notice.body, tag: notice.tag });
        notification.onclick = () => {
          window.focus();
          router.push(`/c/${encodeURIComponent(notice.conversationId)}`);
          notification.close();
        };
      }
      if (notifySound) playTone();
    };

    // Types are not validation: what the notification shows is checked first.
    const onChange = (change: TInboxChange) => {
      if (document.visibilityState !== "hidden") return;
      const valid: TInboxChange = {
        conversations: (change.conversations ?? []).flatMap((c) => ZConversationSummary.safeParse(c).data ?? []),
        created: (change.created ?? []).flatMap((m) => ZMessageView.safeParse(m).data ?? []),
        updated: [],
      };
      for (const notice of noticesForChange(valid, user.id)) show(notice);
    };
    const onMention = (payload: unknown) => {
      const mention = ZMentionNotice.safeParse(payload);
      if (!mention.success) return;
      const notice = noticeForMention(mention.data);
      if (document.visibilityState === "hidden") return show(notice);
      setToasts((current) => [...current.filter((t) => t.tag !== notice.tag), notice].slice(-TOASTS_MAX));
    };
    const onVisibility = () => {
      if (document.visibilityState !== "visible") return;
      count = 0;
      document.title = titleWithCount(document.title, 0);
    };

    socket.on(EVENTS.inboxChanged, onChange);
    socket.on(EVENTS.mentionCreated, onMention);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      socket.off(EVENTS.inboxChanged, onChange);
      socket.off(EVENTS.mentionCreated, onMention);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [socket, user.id, router]);

  const dismiss = (tag: string) => setToasts((current) => current.filter((t) => t.tag !== tag));
  return (
    <div
      role="status"
      aria-label="Mentions"
      className="fixed top-24 right-4 z-30 md:top-16 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2"
    >
      {toasts.map((toast) => (
        <div key={toast.tag} className="rounded-lg border border-yellow-300 bg-yellow-50 p-3 text-sm shadow-lg">
          <p className="font-semibold text-neutral-900">{toast.title}</p>
          <p className="mt-0.5 line-clamp-3 text-neutral-800">{toast.body}</p>
          <div className="mt-2 flex gap-3">
            <Link
              href={`/c/${encodeURIComponent(toast.conversationId)}`}
              onClick={() => dismiss(toast.tag)}
              className="font-medium text-blue-700 underline"
            >
              Open the conversation
            </Link>
            <button type="button" onClick={() => dismiss(toast.tag)} className="text-neutral-700 hover:underline">
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
