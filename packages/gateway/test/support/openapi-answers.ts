/**
 * Checks real answers against the OpenAPI document served by the gateway: the status is documented
 * for the operation, and a JSON body validates against the documented schema (with Fastify's own
 * JSON Schema validator, as test/e2e/openapi.test.ts does).
 */

import Fastify from 'fastify';
import type { HttpMethod, OpenApiDocument, ResponseObject } from '../../src/server/openapi/openapi-types.js';
import { resolvePointer } from '../../src/server/openapi/check-document.js';

export interface AnswerValidator {
  /** Null when the answer is documented and valid; else what is wrong. */
  check(input: { method: HttpMethod; path: string; status: number; body: unknown }): Promise<string | null>;
  close(): Promise<void>;
}

export async function startAnswerValidator(document: OpenApiDocument): Promise<AnswerValidator> {
  const app = Fastify({ ajv: { customOptions: { strict: false, coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true } } });
  app.addSchema({ $id: 'openapi', components: { schemas: document.components.schemas } });
  const absolute = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
  const resolve = (value: unknown): unknown => {
    const pointer = (value as { $ref?: unknown }).$ref;
    return typeof pointer === 'string' ? resolvePointer(document, pointer) : value;
  };
  const routes = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      for (const [status, value] of Object.entries(operation.responses)) {
        const media = (resolve(value) as ResponseObject).content?.['application/json'];
        const url = `/${routes.size}`;
        routes.set(`${method} ${path} ${status}`, media ? url : '');
        if (media) app.post(url, { schema: { body: absolute(media.schema) }, attachValidation: true }, async (request) => ({ error: request.validationError?.message ?? null }));
      }
    }
  }
  await app.ready();
  return {
    async check({ method, path, status, body }) {
      const url = routes.get(`${method} ${path} ${status}`);
      if (url === undefined) return `${method.toUpperCase()} ${path} does not document status ${status}`;
      if (url === '') return null;
      const answer = await app.inject({ method: 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      const error = answer.json<{ error: string | null }>().error;
      return error === null ? null : `${method.toUpperCase()} ${path} ${status}: ${error}`;
    },
    close: () => app.close(),
  };
}
