/**
 * The raw OpenAPI document as the catalog code reads it. Only the parts the
 * model builder touches are typed; everything else stays `unknown`.
 */
import type { JsonSchema } from './types';

export interface RawServer {
  url: string;
  description?: string;
  'x-role'?: string;
  'x-family'?: string;
  'x-region'?: string;
  'x-label'?: string;
  'x-alternate'?: string;
  'x-adjacent'?: string;
}

export interface RawExample {
  summary?: string;
  value?: unknown;
  $ref?: string;
}

export interface RawMediaType {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, RawExample>;
}

export interface RawParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, RawExample>;
  'x-value-from'?: { operationId: string; field: string };
  $ref?: string;
}

export interface RawResponse {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, RawMediaType>;
  $ref?: string;
}

export interface RawOperation {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: RawParameter[];
  requestBody?: { required?: boolean; content?: Record<string, RawMediaType>; $ref?: string };
  responses?: Record<string, RawResponse>;
  security?: Array<Record<string, string[]>>;
  servers?: RawServer[];
  'x-guide-example'?: boolean;
  'x-nearest-real-call'?: string;
  'x-nearest-real-operations'?: string[];
  'x-sandbox-note'?: string;
  'x-limits'?: unknown;
  'x-troubleshooting'?: unknown;
  'x-retry'?: unknown;
}

export type RawPathItem = { parameters?: RawParameter[]; servers?: RawServer[] } & Partial<
  Record<'get' | 'post' | 'put' | 'patch' | 'delete', RawOperation>
>;

export interface RawTag {
  name: string;
  description?: string;
  'x-family'?: string;
  'x-page'?: string;
  /** The family's place in menus and on the reference index. */
  'x-order'?: number;
  /** Markdown shown at the top of the family's reference page. */
  'x-reference-intro'?: string;
  /** What the Events panel in this family's testers suggests sending to see a first notification. */
  'x-events-hint'?: string;
  /** Family-wide defaults; an operation's own value replaces them. */
  'x-limits'?: unknown;
  'x-troubleshooting'?: unknown;
  'x-retry'?: unknown;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers: RawServer[];
  security?: Array<Record<string, string[]>>;
  tags: RawTag[];
  paths: Record<string, RawPathItem>;
  components: {
    securitySchemes?: Record<string, { type: string; scheme?: string; in?: string; name?: string; description?: string }>;
    schemas?: Record<string, JsonSchema>;
    [key: string]: unknown;
  };
  [extension: `x-${string}`]: unknown;
}
