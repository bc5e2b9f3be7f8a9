"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useSessionUser } from "@/components/auth/session-context";
import { useSocket } from "@/components/realtime/socket-context";
import {
  noticeForMention,
  noticeForSlaWarning,
  noticesForChange,
  titleWithCount,
  type TNotice,
} from "@/lib/notifications/notify-rules";
import { DEFAULT_AGENT_SETTINGS, type TAgentSettings } from "@/lib/notifications/schemas";
import { fetchMySettings, settingsKeys } from "@/lib/queries/settings";
import { EVENTS } from "@/lib/realtime/events";
import { listenValidated } from "@/lib/realtime/listen";
import { playTone } from "./play-tone";

/** Notified message ids remembered, so an event seen twice (replays, reconnects) notifies once. */
const SEEN_LIMIT = 500;

/** Mentions shown in the page at once (the oldest go first). */
const TOASTS_MAX = 3;

/**
 * While this tab is hidden: a customer's new message in a conversation assigned to this agent
 * or to nobody, an @mention of them, and an SLA warning (a due time 10 minutes away), as a
 * browser notification, a tone and a count in the title, each as their settings say. A mention
 * or a warning while the tab is in view becomes a toast.
 * Listens on the tab's one socket, through the validated listener map (lib/realtime/listen.ts).
 */
export function useLiveNotices(): { toasts: TNotice[]; dismiss: (tag: string) => void } {
  const user = useSessionUser();
  const router = useRouter();
  const socket = useSocket();
  const settings = useQuery({ queryKey: settingsKeys.mine(), queryFn: fetchMySettings, staleTime: 60_000 });
  const choices = useRef<TAgentSettings>(DEFAULT_AGENT_SETTINGS);
  const [toasts, setToasts] = useState<TNotice[]>([]);
  useEffect(() => {
    if (settings.data) choices.current = settings.data;
  }, [settings.data]);

  useEffect(() => {
    if (!socket) return;
    const notify = createNotifier(choices, (conversationId) => router.push(`/c/${encodeURIComponent(conversationId)}`));
    const notifyOrToast = (notice: TNotice) => {
      if (document.visibilityState === "hidden") return notify.show(notice);
      setToasts((current) => [...current.filter((t) => t.tag !== notice.tag), notice].slice(-TOASTS_MAX));
    };
    const stop = listenValidated(socket, {
      [EVENTS.inboxChanged]: (change) => {
        if (document.visibilityState !== "hidden") return;
        for (const notice of noticesForChange({ ...change, updated: [] }, user.id)) notify.show(notice);
      },
      [EVENTS.mentionCreated]: (mention) => notifyOrToast(noticeForMention(mention)),
      [EVENTS.slaWarned]: (warning) => notifyOrToast(noticeForSlaWarning(warning)),
    });
    document.addEventListener("visibilitychange", notify.onVisibility);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", notify.onVisibility);
    };
  }, [socket, user.id, router]);

  const dismiss = (tag: string) => setToasts((current) => current.filter((t) => t.tag !== tag));
  return { toasts, dismiss };
}

/** Shows notices while the tab is hidden, once each, and counts them in the title until it is seen. */
function createNotifier(choices: { current: TAgentSettings }, open: (conversationId: string) => void) {
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
        open(notice.conversationId);
        notification.close();
      };
    }
    if (notifySound) playTone();
  };
  const onVisibility = () => {
    if (document.visibilityState !== "visible") return;
    count = 0;
    document.title = titleWithCount(document.title, 0);
  };
  return { show, onVisibility };
}
