import { z } from "zod";
import { API_SCOPES } from "../api-tokens/schemas";
import { V1, type TV1Operation } from "./operations";

// The OpenAPI 3.1 description of /api/v1 (issue 21), made from the operations' own zod schemas
// with zod's built-in JSON Schema output (z.toJSONSchema, JSON Schema 2020-12: OpenAPI 3.1's own
// dialect), so no second copy of a shape exists and no other library is needed. Served at
// /api/v1/openapi.json; a test validates it against the OpenAPI 3.1 schema and the API's answers
// in the tests against it.

type TJsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

function jsonSchema(schema: z.ZodType, io: "input" | "output"): TJsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
  }) as TJsonSchema;
  return rest;
}

const ERROR = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "Stable: BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, …" },
        message: { type: "string", description: "What went wrong, in words for a person." },
        details: { description: "More, where the code has any (the problems of a body, the scope lacking)." },
      },
    },
  },
};

const ERROR_TEXT: Record<number, string> = {
  400: "The query or body is not valid: the message names each problem.",
  401: "No token, an unknown one or a revoked one.",
  403: "The token lacks the operation's scope.",
  404: "Nothing there, or not in the accounts the token may reach.",
  409:
    "The channel's rules refuse it now (the 24-hour window, the handover, a disabled account), or what it " +
    "expected changed meanwhile (the assignee, a contact's notes).",
  422: "The Idempotency-Key was used for another request in the last 24 hours.",
  429: "Past the token's rate limit: see Retry-After.",
};

const RATE_HEADERS = {
  "RateLimit-Limit": { description: "Requests a minute this token may make.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in this minute.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the count starts again.", schema: { type: "integer" } },
};

function parameters(op: TV1Operation): unknown[] {
  const list: unknown[] = [];
  for (const [where, schema] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, "input");
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const required = where === "path" || (object.required ?? []).includes(name);
      list.push({ name, in: where, required, schema: property });
    }
  }
  if (op.idempotent) {
    list.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "1 to 255 printable ASCII characters (a UUID): a retry with it answers the first answer, kept 24 hours.",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
  }
  return list;
}

function responses(op: TV1Operation): Record<string, unknown> {
  const codes = [
    ...new Set([
      400,
      401,
      403,
      429,
      ...(op.params ? [404] : []),
      ...(op.method === "GET" ? [] : [409]),
      ...(op.idempotent ? [422] : []),
      ...(op.alsoAnswers ?? []),
    ]),
  ];
  const answer = {
    description: op.status === 201 ? "Created." : "OK.",
    headers: RATE_HEADERS,
    content: { "application/json": { schema: jsonSchema(op.response, "output") } },
  };
  return {
    [String(op.status ?? 200)]: answer,
    ...Object.fromEntries(
      codes
        .sort((a, b) => a - b)
        .map((code) => [
          String(code),
          {
            description: ERROR_TEXT[code],
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        ]),
    ),
  };
}

/** The reference's sections, in order: an operation's is the first whose pattern its path matches. */
const TAGS: readonly { name: string; description: string; path: RegExp }[] = [
  { name: "Accounts", description: "The Instagram accounts a token may reach.", path: /^\/accounts/ },
  { name: "Messages", description: "A conversation's thread; sending.", path: /^\/conversations\/\{id\}\/messages/ },
  { name: "Notes", description: "The team's private notes in a thread.", path: /^\/conversations\/\{id\}\/notes/ },
  { name: "Labels", description: "The team's labels, on conversations.", path: /^\/labels|\/labels/ },
  { name: "Conversations", description: "The inbox: list, state, owner.", path: /^\/conversations/ },
  { name: "Contacts", description: "Customers, and the team's notes about them.", path: /^\/contacts/ },
  { name: "Saved replies", description: "The team's saved replies.", path: /^\/saved-replies/ },
  { name: "Search", description: "Names, usernames, messages and notes.", path: /^\/search/ },
  { name: "Reports", description: "The reports' figures.", path: /^\/reports/ },
];

/** The order a reader meets them in (matching needs the narrower patterns first). */
const TAG_ORDER = [
  "Accounts",
  "Conversations",
  "Messages",
  "Notes",
  "Labels",
  "Contacts",
  "Saved replies",
  "Search",
  "Reports",
];

function tagOf(path: string): string {
  return TAGS.find((tag) => tag.path.test(path))?.name ?? "Other";
}

function operation(id: string, op: TV1Operation): Record<string, unknown> {
  return {
    operationId: id,
    tags: [tagOf(op.path)],
    summary: op.summary,
    description: [op.description, `Scope: \`${op.scope}\`.`].filter(Boolean).join("\n\n"),
    "x-required-scope": op.scope,
    parameters: parameters(op),
    ...(op.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } }
      : {}),
    responses: responses(op),
  };
}

/** Built once per version: the operations never change while the server runs. */
const built = new Map<string, Record<string, unknown>>();

/** The description, as served at /api/v1/openapi.json. */
export function openApiDocument(version: string): Record<string, unknown> {
  const known = built.get(version);
  if (known) return known;
  const document = buildDocument(version);
  built.set(version, document);
  return document;
}

function buildDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, op] of Object.entries(V1) as [string, TV1Operation][]) {
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operation(id, op);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Instagram Inbox API",
      version,
      description:
        "The inbox's public API. Authenticate with an API token (Admin → API tokens): `Authorization: Bearer <token>`. " +
        `Scopes: ${API_SCOPES.join(", ")}. Errors: { error: { code, message, details } }. Lists: { data, nextCursor }.`,
    },
    servers: [{ url: "/api/v1" }],
    tags: [...TAGS]
      .sort((a, b) => TAG_ORDER.indexOf(a.name) - TAG_ORDER.indexOf(b.name))
      .map(({ name, description }) => ({ name, description })),
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API token: igi_ and 43 characters." },
      },
      schemas: { Error: ERROR },
    },
    paths,
  };
}
