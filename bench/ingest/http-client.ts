// The load generator's HTTP client: node:http with a keep-alive agent that may hold as many
// sockets as the benchmark may have requests outstanding, so requests never queue on our side.
// (undici's Agent is not installed here; node:http is as cheap and needs no dependency.)
import { Agent, request } from "node:http";

export interface TAnswer {
  /** "200", "503", … or "error" / "timeout". */
  status: string;
  /** From the moment the request was handed to the socket layer to the end of the answer. */
  ms: number;
  /** performance.now() when the request was sent. */
  sentAt: number;
  /** The start of the body of an answer other than 200, to show why. */
  body?: string;
}

export class WebhookClient {
  private readonly agent: Agent;
  private readonly url: URL;

  constructor(
    url: string,
    private readonly timeoutMs: number,
    sockets: number,
  ) {
    this.url = new URL(url);
    if (this.url.hostname !== "127.0.0.1") throw new Error(`the benchmark only targets 127.0.0.1, not ${url}`);
    // An idle socket is closed by us before the server's keep-alive timeout (5 s) can close it
    // under a request being sent (that race would show as a false "error").
    this.agent = new Agent({
      keepAlive: true,
      maxSockets: sockets,
      maxFreeSockets: sockets,
      scheduling: "lifo",
      timeout: 3_000,
    });
  }

  /** POSTs a JSON body; never rejects. `onSent` sees the send time before any answer can arrive. */
  post(body: unknown, onSent?: (sentAt: number) => void): Promise<TAnswer> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve) => {
      const sentAt = performance.now();
      onSent?.(sentAt);
      let settled = false;
      const done = (status: string, body?: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status, ms: performance.now() - sentAt, sentAt, body });
      };
      const req = request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname,
          method: "POST",
          headers: { "content-type": "application/json", "content-length": payload.length },
        },
        (res) => {
          let text = "";
          if (res.statusCode === 200) res.resume();
          else res.on("data", (chunk: Buffer) => (text = (text + chunk.toString("utf8")).slice(0, 300)));
          res.on("end", () => done(String(res.statusCode), res.statusCode === 200 ? undefined : text));
          res.on("error", () => done("error"));
        },
      );
      const timer = setTimeout(() => {
        done("timeout");
        req.destroy();
      }, this.timeoutMs);
      req.on("error", (error) => done("error", error.message));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
