import { ConversationNotFound } from "@/components/inbox/conversation-not-found";

export default function NotFound() {
  return <ConversationNotFound />;
}
