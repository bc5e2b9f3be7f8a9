import { expect } from "vitest";
import { answerProblems } from "./openapi-check";

/**
 * For tests: the answer fits what the OpenAPI description says `method path` answers with its
 * status (`path` in the description's form: /conversations/{id}). Returns the parsed body.
 */
export async function expectDescribed(response: Response, method: string, path: string): Promise<unknown> {
  const body: unknown = await response.clone().json();
  expect(answerProblems(method, path, response.status, body), `${method} ${path} ${response.status}`).toEqual([]);
  return body;
}
