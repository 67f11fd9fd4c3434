/**
 * Cloud Recording's rules that Agora's published OpenAPI file states only in
 * prose (value lists, formats, "not together with", "only in mode X"). The
 * catalog schema follows that file, so these are checked here, by the sandbox,
 * and answered the way the service answers: code 2 with a reason naming the field.
 * Pure functions over request bodies; each returns the first problem or null.
 */

import { fileNamePrefixProblem, s3CompatibleProblem } from '../../sandbox/storage';

/** A rule broken by a request: the dotted field and what is wrong with it. */
export interface Problem {
  field: string;
  reason: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Values Agora lists for a field, relative to a start `clientRequest` (which is
 * also acquire's `startParameter`). `[]` stands for every item of an array.
 */
const CLIENT_REQUEST_VALUES: ReadonlyArray<readonly [string, readonly unknown[]]> = [
  ['recordingConfig.channelType', [0, 1]],
  ['recordingConfig.decryptionMode', [0, 1, 2, 3, 4, 5, 6, 7, 8]],
  ['recordingConfig.streamTypes', [0, 1, 2]],
  ['recordingConfig.videoStreamType', [0, 1]],
  ['recordingConfig.subscribeUidGroup', [0, 1, 2, 3, 4, 5]],
  ['recordingConfig.streamMode', ['default', 'standard', 'original']],
  ['recordingConfig.audioProfile', [0, 1, 2]],
  ['recordingConfig.transcodingConfig.mixedVideoLayout', [0, 1, 2, 3]],
  ['recordingConfig.transcodingConfig.layoutConfig[].render_mode', [0, 1]],
  ['recordingConfig.transcodingConfig.backgroundConfig[].render_mode', [0, 1]],
  ['storageConfig.vendor', [1, 2, 3, 5, 6, 7, 8, 11]],
  ['storageConfig.extensionParams.sse', ['kms', 'aes256']],
  ['extensionServiceConfig.errorHandlePolicy', ['error_abort']],
  ['extensionServiceConfig.extensionServices[].serviceName', ['web_recorder_service', 'rtmp_publish_service']],
  ['extensionServiceConfig.extensionServices[].errorHandlePolicy', ['error_abort', 'error_ignore']],
  ['extensionServiceConfig.extensionServices[].serviceParam.audioProfile', [0, 1, 2]],
];

/** The same lists for acquire's own clientRequest fields. */
const ACQUIRE_VALUES: ReadonlyArray<readonly [string, readonly unknown[]]> = [
  ['scene', [0, 1]],
  ['region', ['CN', 'AP', 'EU', 'NA']],
];

/** The same lists for an updateLayout clientRequest. */
const LAYOUT_VALUES: ReadonlyArray<readonly [string, readonly unknown[]]> = [
  ['mixedVideoLayout', [0, 1, 2, 3]],
  ['layoutConfig[].render_mode', [0, 1]],
  ['backgroundConfig[].render_mode', [0, 1]],
];

/** Every value found at a dotted path with `[]` segments, with its concrete path (`layoutConfig.2.render_mode`). */
function valuesAt(root: unknown, path: string, prefix: string): Array<{ field: string; value: unknown }> {
  let found: Array<{ field: string; value: unknown }> = [{ field: prefix, value: root }];
  for (const segment of path.split('.')) {
    const name = segment.replace(/\[\]$/, '');
    const next: Array<{ field: string; value: unknown }> = [];
    for (const { field, value } of found) {
      if (!isObject(value) || value[name] === undefined) continue;
      const child = value[name];
      const childField = field ? `${field}.${name}` : name;
      if (segment.endsWith('[]')) {
        if (Array.isArray(child)) child.forEach((item, index) => next.push({ field: `${childField}.${index}`, value: item }));
      } else {
        next.push({ field: childField, value: child });
      }
    }
    found = next;
  }
  return found;
}

function checkValues(root: unknown, table: ReadonlyArray<readonly [string, readonly unknown[]]>, prefix: string): Problem | null {
  for (const [path, allowed] of table) {
    for (const { field, value } of valuesAt(root, path, prefix)) {
      if (!allowed.includes(value as never)) return { field, reason: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}.` };
    }
  }
  return null;
}

const join = (prefix: string, name: string): string => (prefix ? `${prefix}.${name}` : name);

/** Agora's recording uid: an integer from 1 to 2^32-1, written as a decimal string. */
export function uidProblem(uid: string): Problem | null {
  if (!/^[1-9][0-9]{0,9}$/.test(uid) || Number(uid) > 4294967295) {
    return { field: 'uid', reason: 'must be an integer from 1 to 4294967295 written as a string, e.g. "527841".' };
  }
  return null;
}

/** Characters an RTC channel name may hold (Agora's channel-name rule), at most 64 bytes. */
const CHANNEL_NAME = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/;

/**
 * Whether acquire's cname is one the service accepts: a channel name for
 * audio and video recording; in web page recording (scene 1) any label up to 1024 bytes.
 */
export function channelNameOk(cname: string, scene: number): boolean {
  if (scene === 1) return cname.length > 0 && new TextEncoder().encode(cname).byteLength <= 1024;
  return CHANNEL_NAME.test(cname);
}

/** Not both lists of a subscribe/unsubscribe pair, and at most 32 uids in each. */
function subscriptionProblem(holder: unknown, kind: 'Audio' | 'Video', prefix: string): Problem | null {
  if (!isObject(holder)) return null;
  const on = `subscribe${kind}Uids`;
  const off = `unsubscribe${kind}Uids`;
  if (holder[on] !== undefined && holder[off] !== undefined) return { field: join(prefix, off), reason: `cannot be set together with ${on}.` };
  for (const name of [on, off]) {
    const list = holder[name];
    if (Array.isArray(list) && list.length > 32) return { field: join(prefix, name), reason: 'holds at most 32 uids.' };
  }
  return null;
}

/** "#RRGGBB" (Agora's example is "#FF0000"). */
function colorProblem(holder: unknown, prefix: string): Problem | null {
  if (isObject(holder) && typeof holder.backgroundColor === 'string' && !/^#[0-9a-fA-F]{6}$/.test(holder.backgroundColor)) {
    return { field: join(prefix, 'backgroundColor'), reason: 'must be an RGB color written "#RRGGBB", e.g. "#000000".' };
  }
  return null;
}

/** Output at most 1920 x 1080 pixels in area. */
function areaProblem(holder: unknown, widthName: string, heightName: string, prefix: string): Problem | null {
  if (!isObject(holder)) return null;
  const width = holder[widthName];
  const height = holder[heightName];
  if (typeof width === 'number' && typeof height === 'number' && width * height > 1920 * 1080) {
    return { field: join(prefix, widthName), reason: `${widthName} x ${heightName} must not exceed 1920 x 1080.` };
  }
  return null;
}

/** The vertical layout (2) needs the user of its large window. */
function verticalProblem(holder: unknown, prefix: string): Problem | null {
  if (isObject(holder) && holder.mixedVideoLayout === 2 && holder.maxResolutionUid === undefined) {
    return { field: join(prefix, 'maxResolutionUid'), reason: 'is required with mixedVideoLayout 2 (vertical layout).' };
  }
  return null;
}

/** storageConfig's prose rules: folder names, S3-compatible endpoint, STS vendors. */
export function storageProblem(storage: unknown, prefix: string): Problem | null {
  if (!isObject(storage)) return null;
  const values = checkValues(storage, CLIENT_REQUEST_VALUES.filter(([path]) => path.startsWith('storageConfig.')).map(([path, allowed]) => [path.slice('storageConfig.'.length), allowed] as const), prefix);
  if (values) return values;
  const shared = fileNamePrefixProblem(storage.fileNamePrefix, `${prefix}.fileNamePrefix`)
    ?? s3CompatibleProblem(storage.vendor, storage.extensionParams, `${prefix}.extensionParams.endpoint`);
  if (shared) return shared;
  if (storage.stsToken !== undefined && ![1, 2, 3].includes(storage.vendor as number)) {
    return { field: `${prefix}.stsToken`, reason: 'works with Amazon S3 (1), Alibaba Cloud (2) and Tencent Cloud (3) only.' };
  }
  return null;
}

/** A start clientRequest (or acquire's startParameter) against the prose rules; `prefix` is where it sits in the body. */
export function clientRequestProblem(request: unknown, prefix: string): Problem | null {
  if (!isObject(request)) return null;
  const values = checkValues(request, CLIENT_REQUEST_VALUES, prefix);
  if (values) return values;
  const storage = storageProblem(request.storageConfig, `${prefix}.storageConfig`);
  if (storage) return storage;
  const recording = request.recordingConfig;
  const at = `${prefix}.recordingConfig`;
  if (isObject(recording)) {
    const mode = recording.decryptionMode;
    if (typeof mode === 'number' && mode !== 0 && recording.secret === undefined) return { field: `${at}.secret`, reason: 'is required when decryptionMode is not 0.' };
    if ((mode === 7 || mode === 8) && recording.salt === undefined) return { field: `${at}.salt`, reason: 'is required with decryptionMode 7 or 8.' };
    const subscriptions = subscriptionProblem(recording, 'Audio', at) ?? subscriptionProblem(recording, 'Video', at);
    if (subscriptions) return subscriptions;
    const transcoding = recording.transcodingConfig;
    const tAt = `${at}.transcodingConfig`;
    const layout = areaProblem(transcoding, 'width', 'height', tAt) ?? colorProblem(transcoding, tAt) ?? verticalProblem(transcoding, tAt);
    if (layout) return layout;
  }
  const files = isObject(request.recordingFileConfig) ? request.recordingFileConfig.avFileType : undefined;
  if (Array.isArray(files) && files.includes('mp4') && !files.includes('hls')) {
    return { field: `${prefix}.recordingFileConfig.avFileType`, reason: 'mp4 needs hls beside it: use ["hls", "mp4"].' };
  }
  const services = isObject(request.extensionServiceConfig) ? request.extensionServiceConfig.extensionServices : undefined;
  if (Array.isArray(services)) {
    for (const [index, service] of services.entries()) {
      const area = areaProblem(isObject(service) ? service.serviceParam : undefined, 'videoWidth', 'videoHeight', `${prefix}.extensionServiceConfig.extensionServices.${index}.serviceParam`);
      if (area) return area;
    }
  }
  return null;
}

/** acquire's clientRequest: its own fields, then a startParameter as a start clientRequest. */
export function acquireProblem(request: unknown): Problem | null {
  if (!isObject(request)) return null;
  return checkValues(request, ACQUIRE_VALUES, 'clientRequest') ?? clientRequestProblem(request.startParameter, 'clientRequest.startParameter');
}

/** An updateLayout clientRequest against the prose rules. */
export function layoutProblem(request: unknown): Problem | null {
  return checkValues(request, LAYOUT_VALUES, 'clientRequest') ?? colorProblem(request, 'clientRequest') ?? verticalProblem(request, 'clientRequest');
}

/** An update clientRequest's subscription lists and storage. */
export function updateProblem(request: unknown): Problem | null {
  if (!isObject(request)) return null;
  const subscribe = isObject(request.streamSubscribe) ? request.streamSubscribe : {};
  return (
    subscriptionProblem(subscribe.audioUidList, 'Audio', 'clientRequest.streamSubscribe.audioUidList') ??
    subscriptionProblem(subscribe.videoUidList, 'Video', 'clientRequest.streamSubscribe.videoUidList') ??
    storageProblem(request.storageConfig, 'clientRequest.storageConfig')
  );
}

/**
 * Where start's clientRequest disagrees with acquire's startParameter: every
 * value the startParameter sets must be the same in start (the dotted field of
 * the first that is not), or null when they agree.
 */
export function disagreement(startParameter: unknown, clientRequest: unknown, prefix = 'clientRequest'): string | null {
  if (isObject(startParameter)) {
    if (!isObject(clientRequest)) return prefix;
    for (const [name, value] of Object.entries(startParameter)) {
      const found = disagreement(value, clientRequest[name], `${prefix}.${name}`);
      if (found) return found;
    }
    return null;
  }
  return JSON.stringify(startParameter) === JSON.stringify(clientRequest) ? null : prefix;
}
