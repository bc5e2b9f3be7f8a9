import type { APIRequestContext } from "@playwright/test";

export const SIMULATOR_URL = `http://127.0.0.1:${process.env.E2E_SIMULATOR_PORT ?? 4210}`;
export const DEMO_IG_ACCOUNT = "17841400000000000";

type TSimMedia = { url?: string; contentType?: string; title?: string; expired?: boolean };

/** The simulator plays the customer: CM posts their message to the app's webhook (the demo account's unless told). */
export async function customerWrites(
  request: APIRequestContext,
  message: {
    /** The Instagram account written to (its igAccountId); the demo account by default. */
    account?: string;
    igsid: string;
    name: string;
    username: string;
    text?: string;
    image?: TSimMedia;
    /** Without a URL, the simulator's own sample (simulator/sample-media.ts); `expired`: a link that 404s. */
    audio?: TSimMedia;
    video?: TSimMedia;
    file?: TSimMedia;
    share?: { type?: "post" | "reel" | "story"; url?: string; title?: string };
    quickReply?: { label: string; postbackData: string };
    storyReply?: { storyUrl?: string; text?: string };
    timeUtc?: string;
  },
): Promise<{ mid: string }> {
  const response = await request.post(`${SIMULATOR_URL}/_sim/customer/message`, {
    data: {
      account: message.account ?? DEMO_IG_ACCOUNT,
      from: { igsid: message.igsid, name: message.name, username: message.username },
      ...(message.text === undefined ? {} : { text: message.text }),
      ...(message.image ? { image: message.image } : {}),
      ...(message.audio ? { audio: message.audio } : {}),
      ...(message.video ? { video: message.video } : {}),
      ...(message.file ? { file: message.file } : {}),
      ...(message.share ? { share: message.share } : {}),
      ...(message.quickReply ? { quickReply: message.quickReply } : {}),
      ...(message.storyReply ? { storyReply: message.storyReply } : {}),
      ...(message.timeUtc ? { timeUtc: message.timeUtc } : {}),
    },
  });
  const body = (await response.json()) as { status: number; payload: { message: { custom: { mid: string } } } };
  if (!response.ok() || body.status !== 200)
    throw new Error(`the app did not take the webhook: ${JSON.stringify(body)}`);
  return { mid: body.payload.message.custom.mid };
}

export async function customerEvent(request: APIRequestContext, event: Record<string, unknown>): Promise<void> {
  const response = await request.post(`${SIMULATOR_URL}/_sim/customer/event`, {
    data: { account: DEMO_IG_ACCOUNT, ...event },
  });
  if (!response.ok()) throw new Error(`event failed: ${await response.text()}`);
}

export async function sentMessages(
  request: APIRequestContext,
  to: string,
): Promise<{ msg: unknown; reference: string }[]> {
  const response = await request.get(`${SIMULATOR_URL}/_sim/messages?to=${to}`);
  return ((await response.json()) as { messages: { msg: unknown; reference: string }[] }).messages;
}
