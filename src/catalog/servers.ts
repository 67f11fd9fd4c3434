/** Builds `ServerModel`s from the catalog's top-level `servers` and their `x-` failover notes. */
import type { RawServer } from './document';
import type { ServerModel } from './types';

/** `https://api.agora.io/` -> `api.agora.io`. */
export function hostOf(url: string): string {
  return new URL(url).host;
}

export function toServerModel(raw: RawServer): ServerModel {
  const host = hostOf(raw.url);
  const role = raw['x-role'];
  const family = raw['x-family'];
  if (role !== 'primary' && role !== 'regional') {
    throw new Error(`Catalog server ${host}: x-role must be "primary" or "regional", not "${String(role)}".`);
  }
  if (family !== 'agora.io' && family !== 'sd-rtn.com') {
    throw new Error(`Catalog server ${host}: x-family must be "agora.io" or "sd-rtn.com", not "${String(family)}".`);
  }
  const server: ServerModel = {
    host,
    url: `https://${host}`,
    role,
    family,
    label: raw['x-label'] ?? raw.description ?? host,
  };
  if (raw['x-region']) server.region = raw['x-region'];
  if (raw['x-alternate']) server.alternate = raw['x-alternate'];
  if (raw['x-adjacent']) server.adjacent = raw['x-adjacent'];
  return server;
}
