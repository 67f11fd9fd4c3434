/**
 * Rules Agora states in prose for third-party cloud storage, shared by every
 * family that uploads files there (Cloud Recording's storageConfig, Real-Time
 * STT's captionConfig.storage): one home, so the families cannot drift apart.
 * Pure functions; each returns the broken rule (dotted field and reason) or null.
 */

/** A storage rule broken by a request. */
export interface StorageProblem {
  field: string;
  reason: string;
}

/** The most characters `fileNamePrefix` may make, slashes included. */
export const FILE_NAME_PREFIX_MAX = 128;

/** `fileNamePrefix` (at `field`): folder names of letters and digits, at most 128 characters with the slashes. */
export function fileNamePrefixProblem(folders: unknown, field: string): StorageProblem | null {
  if (!Array.isArray(folders)) return null;
  const bad = folders.findIndex((folder) => typeof folder !== 'string' || !/^[A-Za-z0-9]+$/.test(folder));
  if (bad >= 0) return { field: `${field}.${bad}`, reason: 'may hold letters and digits only.' };
  if (folders.join('/').length + 1 > FILE_NAME_PREFIX_MAX) return { field, reason: `makes a path prefix longer than ${FILE_NAME_PREFIX_MAX} characters.` };
  return null;
}

/** Vendor 11 (S3-compatible storage) needs the service's address; `endpointField` is where it belongs. */
export function s3CompatibleProblem(vendor: unknown, extensionParams: unknown, endpointField: string): StorageProblem | null {
  if (vendor !== 11) return null;
  const endpoint = extensionParams !== null && typeof extensionParams === 'object' ? (extensionParams as { endpoint?: unknown }).endpoint : undefined;
  return typeof endpoint === 'string' ? null : { field: endpointField, reason: 'is required with vendor 11 (S3-compatible storage).' };
}
