/**
 * The subset of OpenAPI 3.1 this gateway's document uses, as TypeScript types, so that the
 * document is checked by the compiler rather than being free-form JSON.
 * https://spec.openapis.org/oas/v3.1.0
 */

export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** A JSON Schema (draft 2020-12, OpenAPI 3.1's dialect), limited to the keywords used here. */
export interface SchemaObject {
  $ref?: string;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: boolean | SchemaObject;
  items?: SchemaObject;
  prefixItems?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  allOf?: SchemaObject[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  enum?: ReadonlyArray<string | number | boolean | null>;
  const?: string | number | boolean | null;
  format?: string;
  pattern?: string;
  contentMediaType?: string;
  contentEncoding?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  examples?: unknown[];
  deprecated?: boolean;
}

export interface Reference {
  $ref: string;
  summary?: string;
  description?: string;
}

export interface ExampleObject {
  summary?: string;
  description?: string;
  value: unknown;
}

/** One server-sent event a stream may carry: its `event:` name (if any) and its `data:` schema. */
export interface SseEventDescription {
  event: string | null;
  description: string;
  data: SchemaObject;
}

export interface MediaTypeObject {
  schema: SchemaObject;
  examples?: Record<string, ExampleObject>;
  /** Extension: the frames of a text/event-stream body, which JSON Schema cannot express. */
  'x-sse-events'?: SseEventDescription[];
}

export interface HeaderObject {
  description: string;
  required?: boolean;
  schema: SchemaObject;
}

export interface ParameterObject {
  name: string;
  in: 'header' | 'path' | 'query' | 'cookie';
  description: string;
  required?: boolean;
  schema: SchemaObject;
  example?: unknown;
}

export interface RequestBodyObject {
  description?: string;
  required: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | Reference>;
  content?: Record<string, MediaTypeObject>;
}

/** Each alternative is a set of schemes that must all be satisfied; `[]` means no authentication. */
export type SecurityRequirement = Record<string, string[]>;

export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: SecurityRequirement[];
  parameters?: Array<ParameterObject | Reference>;
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject | Reference>;
  /** Extension: the Fastify route pattern, where it differs from the OpenAPI path (`/v1/models/*`). */
  'x-route'?: string;
  /** Extension: the permission the caller needs (src/governance/roles.ts), or `public`; on /api routes. */
  'x-switchyard-permission'?: string;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItemObject = { summary?: string; description?: string } & { [Method in HttpMethod]?: OperationObject };

export interface SecuritySchemeObject {
  type: 'http' | 'apiKey';
  description: string;
  scheme?: string;
  /** A hint of the bearer token's format, e.g. `JWT`. */
  bearerFormat?: string;
  name?: string;
  in?: 'header';
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; summary?: string; description: string; license?: { name: string; identifier?: string } };
  jsonSchemaDialect: string;
  servers: Array<{ url: string; description: string }>;
  tags: Array<{ name: string; description: string }>;
  security: SecurityRequirement[];
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, SchemaObject>;
    responses: Record<string, ResponseObject>;
    parameters: Record<string, ParameterObject>;
    headers: Record<string, HeaderObject>;
    securitySchemes: Record<string, SecuritySchemeObject>;
  };
}

/** A reference to a named component, e.g. `ref('schemas', 'Usage')`. */
export function ref(kind: keyof OpenApiDocument['components'], name: string): Reference & SchemaObject {
  return { $ref: `#/components/${kind}/${name}` };
}
