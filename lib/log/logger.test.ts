import { AsyncLocalStorage } from "node:async_hooks";
import { describe, expect, it } from "vitest";
import { createLogger, type TLogContext } from "./logger";
import { prettyLine } from "./pretty";

function capture(level = "info") {
  const lines: string[] = [];
  const context = new AsyncLocalStorage<TLogContext>();
  const logger = createLogger(
    { level, format: "json", destination: { write: (line) => void lines.push(line) } },
    context,
  );
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, context, lines, entries };
}

describe("the logger", () => {
  it("writes one JSON object per line with the level's name, an ISO time and the message", () => {
    const { logger, lines, entries } = capture();
    logger.info({ count: 2 }, "Deleted expired uploaded images");
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("\n")).toBe(true);
    expect(entries()[0]).toMatchObject({ level: "info", count: 2, msg: "Deleted expired uploaded images" });
    expect(String(entries()[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("leaves out lines below LOG_LEVEL", () => {
    const { logger, entries } = capture("warn");
    logger.info("not written");
    logger.warn("written");
    expect(entries().map((e) => e.msg)).toEqual(["written"]);
  });

  it("adds the request's context to every line logged inside it", async () => {
    const { logger, context, entries } = capture();
    await context.run({ reqId: "req-12345678" }, async () => {
      await Promise.resolve();
      const store = context.getStore();
      if (store) store.accountId = "acc_1";
      logger.info("inside");
    });
    logger.info("outside");
    expect(entries()[0]).toMatchObject({ reqId: "req-12345678", accountId: "acc_1", msg: "inside" });
    expect(entries()[1]).not.toHaveProperty("reqId");
  });

  it("censors fields that may hold a secret or a customer's words", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: "hunter2-password",
        productToken: "11111111-aaaa",
        user: { password: "nested-password", cookie: "session=abc" },
        headers: { authorization: "Bearer xyz" },
        text: "a customer's message",
        webhookSecret: "s3cr3t-webhook",
      },
      "oops",
    );
    for (const secret of ["hunter2", "11111111-aaaa", "nested-password", "session=abc", "Bearer xyz", "customer's"]) {
      expect(lines[0]).not.toContain(secret);
    }
    expect(lines[0]).not.toContain("s3cr3t-webhook");
    expect(lines[0]).toContain("[redacted]");
  });

  it("logs an error's type, last message line and stack frames, never the whole message", () => {
    const { logger, entries } = capture();
    const error = new Error(
      "Invalid `prisma.message.create()` invocation:\n{ data: { text: 'private words' } }\nUnique constraint failed",
    );
    logger.error({ err: error }, "failed");
    const err = entries()[0]?.err as Record<string, unknown>;
    expect(err.type).toBe("Error");
    expect(err.message).toBe("Unique constraint failed");
    expect(JSON.stringify(entries()[0])).not.toContain("private words");
    expect(Array.isArray(err.stack)).toBe(true);
  });
});

describe("the readable format", () => {
  it("prints time, level, message and the other fields on one line", () => {
    const line = prettyLine(
      JSON.stringify({
        level: "warn",
        time: "2026-12-05T16:20:01.123Z",
        pid: 1,
        msg: "request",
        status: 503,
        path: "/x",
      }),
    );
    expect(line).toBe("16:20:01.123 WARN  request  status=503 path=/x\n");
  });
});
