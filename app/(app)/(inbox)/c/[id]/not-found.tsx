import { ConversationNotFound } from "@/components/inbox/thread/conversation-not-found";

export default function NotFound() {
  return <ConversationNotFound />;
}
