/**
 * Real-Time STT's rules that Agora's OpenAPI file states only in prose: a
 * translation target may not equal its single source language, sources are
 * distinct, subscribeAudioUids and unSubscribeAudioUids exclude each other, a
 * cryptionMode needs its key (and salt for 7 and 8), and the storage rules shared
 * with Cloud Recording (src/sandbox/storage.ts). Pure functions over request
 * bodies; each returns the first problem or null.
 */
import { fileNamePrefixProblem, s3CompatibleProblem, type StorageProblem } from '../../sandbox/storage';

export type Problem = StorageProblem;

type Json = Record<string, unknown>;

const objectAt = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

/** The fields `updateMask` may name (Agora's list in the parameter's description, plus keywords and uidLanguagesConfig, which the update body carries). */
export const UPDATE_MASK_FIELDS = [
  'languages',
  'keywords',
  'uidLanguagesConfig',
  'rtcConfig.subscribeAudioUids',
  'translateConfig.enable',
  'translateConfig.languages',
] as const;

export type MaskField = (typeof UPDATE_MASK_FIELDS)[number];

/** Language pairs at `field`: each source once, and no target equal to its source. */
export function pairsProblem(pairs: unknown, field: string): Problem | null {
  if (!Array.isArray(pairs)) return null;
  const seen = new Set<string>();
  for (const [index, raw] of pairs.entries()) {
    const pair = objectAt(raw);
    const source = String(pair.source ?? '');
    if (seen.has(source)) return { field: `${field}.${index}.source`, reason: `repeats source language "${source}"; give each source language once, with all its targets.` };
    seen.add(source);
    const targets = Array.isArray(pair.target) ? pair.target : [];
    const same = targets.indexOf(source);
    if (same >= 0) return { field: `${field}.${index}.target.${same}`, reason: `must differ from its single source language "${source}".` };
  }
  return null;
}

function languagesProblem(languages: unknown, field: string): Problem | null {
  return Array.isArray(languages) && languages.length === 0 ? { field, reason: 'needs at least one language, such as en-US.' } : null;
}

/** A join body against the prose rules. */
export function joinProblem(body: unknown): Problem | null {
  const request = objectAt(body);
  const rtc = objectAt(request.rtcConfig);
  const mode = rtc.cryptionMode;
  const storage = objectAt(objectAt(request.captionConfig).storage);
  return (
    languagesProblem(request.languages, 'languages') ??
    (rtc.subscribeAudioUids !== undefined && rtc.unSubscribeAudioUids !== undefined
      ? { field: 'rtcConfig.unSubscribeAudioUids', reason: 'set either subscribeAudioUids or unSubscribeAudioUids, not both.' }
      : null) ??
    (typeof mode === 'number' && mode !== 0 && !rtc.secret ? { field: 'rtcConfig.secret', reason: `is required with cryptionMode ${mode}.` } : null) ??
    ((mode === 7 || mode === 8) && !rtc.salt ? { field: 'rtcConfig.salt', reason: `is required with cryptionMode ${mode} (a Base64-encoded 32-byte salt).` } : null) ??
    pairsProblem(objectAt(request.translateConfig).languages, 'translateConfig.languages') ??
    fileNamePrefixProblem(storage.fileNamePrefix, 'captionConfig.storage.fileNamePrefix') ??
    s3CompatibleProblem(storage.vendor, request.extensionParams, 'extensionParams.endpoint')
  );
}

/** The value at a mask path in an update body, or undefined. */
export function maskValue(body: unknown, path: MaskField): unknown {
  return path.split('.').reduce<unknown>((value, key) => objectAt(value)[key], body);
}

/** `updateMask` as a list of known fields, or the problem with it. */
export function parseMask(mask: string | null): MaskField[] | Problem {
  const items = (mask ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  if (items.length === 0) return { field: 'updateMask', reason: `names no field; use one or more of ${UPDATE_MASK_FIELDS.join(', ')}.` };
  const unknown = items.find((item) => !(UPDATE_MASK_FIELDS as readonly string[]).includes(item));
  if (unknown) return { field: 'updateMask', reason: `cannot name "${unknown.slice(0, 60)}"; use one or more of ${UPDATE_MASK_FIELDS.join(', ')}.` };
  return items as MaskField[];
}

/** An update body against its mask and the prose rules. */
export function updateProblem(body: unknown, mask: readonly MaskField[]): Problem | null {
  const missing = mask.find((path) => maskValue(body, path) === undefined);
  if (missing) return { field: missing, reason: 'is named in updateMask but missing from the body; send its new value.' };
  // Fields the mask does not name are ignored, so only named ones are checked.
  return (
    (mask.includes('languages') ? languagesProblem(maskValue(body, 'languages'), 'languages') : null) ??
    (mask.includes('translateConfig.languages') ? pairsProblem(maskValue(body, 'translateConfig.languages'), 'translateConfig.languages') : null)
  );
}
