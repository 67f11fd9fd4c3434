/**
 * The parts of Postman's Collection Format v2.1.0
 * (https://schema.getpostman.com/json/collection/v2.1.0/collection.json) and of
 * its environment files that this site writes. Only what we emit is typed.
 */

export const COLLECTION_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

export interface PostmanVariable {
  key: string;
  value: string;
  description?: string;
  /** Only on environment values: `secret` hides the value in Postman's UI. */
  type?: 'default' | 'secret' | 'string';
  disabled?: boolean;
}

export interface PostmanKeyValue {
  key: string;
  value: string;
  description?: string;
  disabled?: boolean;
}

export interface PostmanScript {
  listen: 'prerequest' | 'test';
  script: { type: 'text/javascript'; exec: string[] };
}

export type PostmanAuth =
  | { type: 'basic'; basic: Array<{ key: 'username' | 'password'; value: string; type: 'string' }> }
  | { type: 'bearer'; bearer: Array<{ key: 'token'; value: string; type: 'string' }> }
  | { type: 'noauth' };

export interface PostmanUrl {
  raw: string;
  host: string[];
  path: string[];
  query?: PostmanKeyValue[];
  variable?: PostmanKeyValue[];
}

export interface PostmanRequest {
  method: string;
  header: PostmanKeyValue[];
  url: PostmanUrl;
  description: string;
  body?: { mode: 'raw'; raw: string; options: { raw: { language: 'json' } } };
  auth?: PostmanAuth;
}

/** A saved example answer, shown beside the request in Postman. */
export interface PostmanResponse {
  name: string;
  status: string;
  code: number;
  header: PostmanKeyValue[];
  body: string;
  _postman_previewlanguage: 'json';
}

export interface PostmanRequestItem {
  /** The catalog's operation id, so a run's executions map back to operations. */
  id: string;
  name: string;
  request: PostmanRequest;
  event: PostmanScript[];
  response: PostmanResponse[];
}

export interface PostmanFolder {
  name: string;
  description: string;
  item: PostmanRequestItem[];
}

export interface PostmanCollection {
  info: { _postman_id: string; name: string; description: string; schema: typeof COLLECTION_SCHEMA };
  auth: PostmanAuth;
  variable: PostmanVariable[];
  item: PostmanFolder[];
}

export interface PostmanEnvironment {
  id: string;
  name: string;
  values: Array<{ key: string; value: string; type: 'default' | 'secret'; enabled: true }>;
  _postman_variable_scope: 'environment';
}
