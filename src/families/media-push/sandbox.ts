/**
 * Media Push (RTMP converters), following Agora's API reference and its
 * best-practice page: lowercase regions in the path (query, update and delete
 * find a converter only in the region it was created in), transcoded or raw
 * streams, names unique per project (409 + X-Resource-ID of the existing
 * converter), concurrent streams per region and output size (429), idleTimeout
 * brought into 5-86400 s (default 300; the converter is destroyed once none of
 * the users it pushes has been in the channel that long), state `connecting`
 * then `running`, updates ordered by an increasing `sequence` and limited to
 * the fields Agora lets change, lists of 500 with a cursor that is 0 at the end.
 */
import { hexId } from '../../sandbox/ids';
import { clampTimeout, regionProblem } from '../../sandbox/regionalTasks';
import { staleSequence } from '../../sandbox/sequence';
import type { HandlerContext, OperationHandler, SandboxResult } from '../../sandbox/types';
import { badRequestMessage, mediaPushDialect as dialect } from './dialect';
import { converterCreated, converterUpdated } from './events';
import { converterSlice, isIdle, removeConverter, type Converter, type JsonObject, type RawOptions, type SizeClass } from './state';

/** A new converter reports `connecting` for this long, then `running`. */
export const CONNECTING_MS = 3000;
export const DEFAULT_IDLE_TIMEOUT = 300;
/** Agora brings an idleTimeout outside these bounds to the nearest one instead of refusing it. */
export const IDLE_TIMEOUT_BOUNDS = { min: 5, max: 86_400 } as const;
export const DEFAULT_JITTER_MS = 1000;
/** Converters a list answer holds at most. */
export const PAGE_SIZE = 500;
/** Concurrent converters per project when the catalog names no number (the best-practice checklist says 300). */
const DEFAULT_MAX_CONVERTERS = 300;

/**
 * Concurrent streams per region and output size (best-practice page). Outside
 * mainland China, FHD needs Agora support to enable it: 0 here.
 */
export const STREAM_LIMITS: Record<'cn' | 'other', Record<SizeClass, number>> = {
  cn: { SD: 300, HD: 50, FHD: 20 },
  other: { SD: 20, HD: 5, FHD: 0 },
};
const SIZE_ORDER: SizeClass[] = ['SD', 'HD', 'FHD'];

/** Fields an update may never change (Agora's list). */
const FIXED_FIELDS = [
  'name',
  'idleTimeout',
  'idleTimeOut',
  'transcodeOptions.rtcChannel',
  'transcodeOptions.audioOptions.codecProfile',
  'transcodeOptions.audioOptions.sampleRate',
  'transcodeOptions.audioOptions.bitrate',
  'transcodeOptions.audioOptions.audioChannels',
  'transcodeOptions.videoOptions.codec',
  'transcodeOptions.videoOptions.codecProfile',
];
/** Fields an update may change on a transcoding converter with the custom layout (and their sub-fields). */
const UPDATABLE_TRANSCODING = [
  'rtmpUrl',
  'jitterBufferSizeMs',
  'transcodeOptions.audioOptions.rtcStreamUids',
  'transcodeOptions.audioOptions.volumes',
  'transcodeOptions.videoOptions.canvas',
  'transcodeOptions.videoOptions.layout',
  'transcodeOptions.videoOptions.defaultPlaceholderImageUrl',
  'transcodeOptions.videoOptions.bitrate',
  'transcodeOptions.videoOptions.frameRate',
  'transcodeOptions.videoOptions.gop',
  'transcodeOptions.videoOptions.seiOptions',
];

interface ConverterInput {
  name?: string;
  transcodeOptions?: JsonObject & { rtcChannel?: string };
  rawOptions?: RawOptions;
  rtmpUrl?: string;
  idleTimeout?: number;
  jitterBufferSizeMs?: number;
}

interface AudioInput {
  rtcStreamUids?: number[];
  volumes?: Array<{ rtcStreamUid: number; volume?: number }>;
}
interface VideoInput {
  canvas?: { width?: number; height?: number };
  layoutType?: number;
  codec?: string;
  codecProfile?: string;
}

const input = (ctx: HandlerContext): ConverterInput => ((ctx.body as { converter?: ConverterInput } | undefined)?.converter ?? {});
const audioOf = (options: JsonObject | undefined): AudioInput | undefined => options?.audioOptions as AudioInput | undefined;
const videoOf = (options: JsonObject | undefined): VideoInput | undefined => options?.videoOptions as VideoInput | undefined;

/** `idleTimeout` as Agora applies it: the default when absent, else brought into 5-86400 s. */
export function effectiveIdleTimeout(requested: number | undefined): number {
  return clampTimeout(requested, DEFAULT_IDLE_TIMEOUT, IDLE_TIMEOUT_BOUNDS);
}

/** The jitter buffer as Agora applies it: rounded up to a multiple of 100 ms. */
export function effectiveJitter(requested: number | undefined): number {
  return requested === undefined ? DEFAULT_JITTER_MS : Math.ceil(requested / 100) * 100;
}

/** The size class of an output picture; a converter without video transcoding counts as SD. */
export function sizeClass(canvas: { width?: number; height?: number } | undefined): SizeClass {
  if (!canvas?.width || !canvas.height) return 'SD';
  const long = Math.max(canvas.width, canvas.height);
  const short = Math.min(canvas.width, canvas.height);
  if (long <= 640 && short <= 360) return 'SD';
  if (long <= 1280 && short <= 720) return 'HD';
  return 'FHD';
}

/**
 * Why one more converter of size `size` in `region` is over Agora's stream
 * limits, or null: each size stays under its own limit, and all of them under
 * the limit of the largest size present.
 */
export function streamQuotaProblem(existing: readonly Converter[], region: string, size: SizeClass): string | null {
  const limits = STREAM_LIMITS[region === 'cn' ? 'cn' : 'other'];
  const inRegion = existing.filter((converter) => converter.region === region);
  if (limits[size] === 0) return `${size} output in region ${region} needs Agora support to enable it; use a canvas of at most 1280 x 720.`;
  const same = inRegion.filter((converter) => converter.size === size).length;
  if (same + 1 > limits[size]) return `region ${region} already pushes ${same} ${size} streams, its limit. Delete a converter or wait for one to time out.`;
  const largest = SIZE_ORDER[Math.max(SIZE_ORDER.indexOf(size), ...inRegion.map((converter) => SIZE_ORDER.indexOf(converter.size)))];
  if (inRegion.length + 1 > limits[largest]) {
    return `region ${region} already pushes ${inRegion.length} streams and with ${largest} among them the total may not exceed ${limits[largest]}. Delete a converter or wait for one to time out.`;
  }
  return null;
}

function checkRegion(region: string): SandboxResult | null {
  const problem = regionProblem(region);
  return problem ? dialect.invalidParameter('region', problem) : null;
}

/** Refusals Agora documents in field descriptions rather than schemas. */
function checkTranscoding(options: JsonObject | undefined, prefix: string): SandboxResult | null {
  const audio = audioOf(options);
  if (audio?.volumes && audio.rtcStreamUids) {
    const stray = audio.volumes.find((entry) => !audio.rtcStreamUids!.includes(entry.rtcStreamUid));
    if (stray) return dialect.invalidParameter(`${prefix}.audioOptions.volumes`, `uid ${stray.rtcStreamUid} is not one of rtcStreamUids (${audio.rtcStreamUids.join(', ') || 'empty'}); add it there or remove its volume.`);
  }
  const video = videoOf(options);
  if (video?.codec === 'H.265' && video.codecProfile !== undefined && video.codecProfile !== 'main') {
    return dialect.invalidParameter(`${prefix}.videoOptions.codecProfile`, `H.265 takes only "main" (got "${video.codecProfile}").`);
  }
  if (video?.codec !== undefined && video.codec !== 'H.264' && video.codec !== 'H.265') {
    return dialect.invalidParameter(`${prefix}.videoOptions.codec`, `must be "H.264" or "H.265" (got "${String(video.codec).slice(0, 20)}").`);
  }
  return null;
}

const notFound = (id: string, region: string): SandboxResult =>
  dialect.error(404, 'Resource is not found or destroyed.', 'converterId',
    `no converter with id "${id.slice(0, 64)}" exists in region ${region.slice(0, 8)} (it may have been deleted, timed out idle, or been created in another region). List the converters to see which exist.`,
    { headers: { 'X-Resource-ID': id } });

/** The converter named by the path, in the path's region; a 404 result otherwise. */
function find(ctx: HandlerContext): Converter | SandboxResult {
  const converter = converterSlice.of(ctx.project).converters.get(ctx.params.converterId);
  // Agora asks for the region the converter was created in: elsewhere it is not found.
  if (!converter || converter.region !== ctx.params.region) return notFound(ctx.params.converterId, ctx.params.region);
  return converter;
}
const isResult = (value: Converter | SandboxResult): value is SandboxResult => 'status' in value;

function stateOf(converter: Converter, now: number): 'connecting' | 'running' {
  return now - converter.createdAt < CONNECTING_MS ? 'connecting' : 'running';
}

function brief(converter: Converter, now: number) {
  return {
    converter: { id: converter.id, createTs: converter.createTs, updateTs: converter.updateTs, state: stateOf(converter, now) },
    fields: 'id,createTs,updateTs,state',
  };
}

function detail(converter: Converter, now: number) {
  const body = {
    id: converter.id,
    ...(converter.name !== undefined ? { name: converter.name } : {}),
    ...(converter.transcodeOptions ? { transcodeOptions: converter.transcodeOptions } : { rawOptions: converter.rawOptions }),
    rtmpUrl: converter.rtmpUrl,
    idleTimeout: converter.idleTimeout,
    jitterBufferSizeMs: converter.jitterBufferSizeMs,
    createTs: converter.createTs,
    updateTs: converter.updateTs,
    state: stateOf(converter, now),
  };
  return { converter: body, fields: Object.keys(body).join(',') };
}

/** A list entry, with Agora's names and its string timestamps. */
function member(converter: Converter, appId: string, now: number) {
  return {
    rtcChannel: converter.channel,
    status: '200',
    converterName: converter.name ?? '',
    updateTs: String(converter.updateTs),
    appId,
    rtmpUrl: converter.rtmpUrl,
    converterId: converter.id,
    create: String(converter.createTs),
    idleTimeout: String(converter.idleTimeout),
    state: stateOf(converter, now),
  };
}

/** One page of converters (in creation order) from the `cursor` on; the next cursor is 0 on the last page. */
function page(ctx: HandlerContext, channel?: string): SandboxResult {
  const from = Math.max(0, Number(ctx.query.get('cursor') || 0));
  const all = [...converterSlice.of(ctx.project).converters.values()]
    .filter((converter) => channel === undefined || converter.channel === channel)
    .sort((a, b) => a.seq - b.seq);
  const rest = all.filter((converter) => converter.seq >= from);
  const next = rest[PAGE_SIZE];
  return {
    status: 200,
    body: {
      success: true,
      data: { total_count: all.length, cursor: next ? next.seq : 0, members: rest.slice(0, PAGE_SIZE).map((converter) => member(converter, ctx.appId, ctx.now)) },
    },
  };
}

/** The value at a dotted path of an object. */
function getPath(source: unknown, path: string[]): unknown {
  let value = source;
  for (const key of path) value = value && typeof value === 'object' ? (value as JsonObject)[key] : undefined;
  return value;
}

/** Set (or, for undefined, remove) the value at a dotted path, creating objects on the way. */
function setPath(target: JsonObject, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as JsonObject;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

const within = (field: string, allowed: readonly string[]) => allowed.some((path) => field === path || field.startsWith(`${path}.`));

/** Why an update may not change `field` on this converter, or null. */
function fieldProblem(converter: Converter, field: string): string | null {
  if (within(field, FIXED_FIELDS)) return `${field} cannot change after create; create another converter instead.`;
  if (!converter.transcodeOptions) {
    return field === 'rtmpUrl' ? null : `a converter without transcoding can change only rtmpUrl (got ${field}).`;
  }
  if (videoOf(converter.transcodeOptions)?.layoutType === 1 && field !== 'rtmpUrl') {
    return `a converter with the vertical layout (layoutType 1) can change only rtmpUrl (got ${field}).`;
  }
  if (!within(field, UPDATABLE_TRANSCODING)) return `${field} is not a field an update can change.`;
  if (field.startsWith('transcodeOptions.audioOptions') && !converter.transcodeOptions.audioOptions) return `the converter has no audioOptions to change (${field}).`;
  if (field.startsWith('transcodeOptions.videoOptions') && !converter.transcodeOptions.videoOptions) return `the converter has no videoOptions to change (${field}).`;
  return null;
}

export const mediaPushHandlers: OperationHandler[] = [
  {
    operationId: 'create-converter',
    check: (ctx) => {
      const regionError = checkRegion(ctx.params.region);
      if (regionError) return regionError;
      const body = input(ctx);
      const transcoding = checkTranscoding(body.transcodeOptions, 'converter.transcodeOptions');
      if (transcoding) return transcoding;
      const converters = [...converterSlice.of(ctx.project).converters.values()];
      // An empty name is no name: any number of unnamed converters may exist.
      if (body.name) {
        const existing = converters.find((converter) => converter.name === body.name);
        if (existing) {
          return dialect.error(409, 'Resource with the same name already exists.', 'converter.name',
            `a converter named "${body.name}" already exists (id ${existing.id}, also in X-Resource-ID). Use it, or delete it and create again.`,
            { headers: { 'X-Resource-ID': existing.id } });
        }
      }
      const max = ctx.operation.limits.concurrentTasks ?? DEFAULT_MAX_CONVERTERS;
      if (converters.length >= max) {
        return dialect.error(429, 'Resource quota exceeded.', '', `At most ${max} converters run at once in a project. Delete one, or wait for one to time out idle.`);
      }
      const quota = streamQuotaProblem(converters, ctx.params.region, sizeClass(videoOf(body.transcodeOptions)?.canvas));
      if (quota) return dialect.error(429, 'Resource quota exceeded.', '', quota);
      return null;
    },
    handle: (ctx) => {
      const body = input(ctx);
      const createTs = Math.floor(ctx.now / 1000);
      const state = converterSlice.of(ctx.project);
      const converter: Converter = {
        id: hexId(),
        seq: state.nextSeq++,
        region: ctx.params.region,
        name: body.name || undefined,
        channel: body.transcodeOptions?.rtcChannel ?? body.rawOptions?.rtcChannel ?? '',
        ...(body.transcodeOptions ? { transcodeOptions: body.transcodeOptions } : { rawOptions: body.rawOptions }),
        rtmpUrl: body.rtmpUrl ?? '',
        idleTimeout: effectiveIdleTimeout(body.idleTimeout),
        jitterBufferSizeMs: effectiveJitter(body.jitterBufferSizeMs),
        size: sizeClass(videoOf(body.transcodeOptions)?.canvas),
        createTs,
        updateTs: createTs,
        createdAt: ctx.now,
        sequence: -1,
      };
      // Idle from the start when none of its users is in the channel yet.
      if (isIdle(ctx.project, converter)) converter.idleSince = ctx.now;
      state.converters.set(converter.id, converter);
      converterCreated(ctx.project, converter, ctx.requestId, ctx.now, CONNECTING_MS);
      return { status: 200, headers: { 'X-Resource-ID': converter.id }, body: brief(converter, ctx.now) };
    },
  },
  {
    operationId: 'list-converters',
    handle: (ctx) => page(ctx),
  },
  {
    operationId: 'list-channel-converters',
    handle: (ctx) => page(ctx, ctx.params.cname),
  },
  {
    operationId: 'query-converter',
    check: (ctx) => checkRegion(ctx.params.region),
    handle: (ctx) => {
      const converter = find(ctx);
      if (isResult(converter)) return converter;
      return { status: 200, headers: { 'X-Resource-ID': converter.id }, body: detail(converter, ctx.now) };
    },
  },
  {
    operationId: 'update-converter',
    check: (ctx) => checkRegion(ctx.params.region),
    handle: (ctx) => {
      const converter = find(ctx);
      if (isResult(converter)) return converter;
      const headers = { 'X-Resource-ID': converter.id };
      const stale = staleSequence(Number(ctx.query.get('sequence') ?? NaN), converter.sequence, String(ctx.query.get('sequence')));
      // 400, not 409: a stale sequence is a parameter the caller fixes by sending a larger one.
      if (stale) return dialect.error(400, badRequestMessage('sequence'), 'sequence', stale, { headers });
      const request = ctx.body as { converter?: JsonObject; fields: string };
      const mask = [...new Set(request.fields.split(','))];
      for (const field of mask) {
        const problem = fieldProblem(converter, field);
        if (problem) return dialect.error(400, badRequestMessage(field), 'fields', problem, { headers });
      }
      // Apply to a copy first, so a refused result leaves the converter as it was.
      const next: JsonObject = { transcodeOptions: structuredClone(converter.transcodeOptions), rtmpUrl: converter.rtmpUrl, jitterBufferSizeMs: converter.jitterBufferSizeMs };
      const changed: JsonObject = {};
      for (const field of mask) {
        const path = field.split('.');
        const value = getPath(request.converter, path);
        setPath(next, path, value);
        setPath(changed, path, value);
      }
      const transcoding = checkTranscoding(next.transcodeOptions as JsonObject | undefined, 'converter.transcodeOptions');
      if (transcoding) return { ...transcoding, headers };
      if (typeof next.rtmpUrl !== 'string') return dialect.error(400, badRequestMessage('rtmpUrl'), 'converter.rtmpUrl', 'fields names rtmpUrl, so converter.rtmpUrl must hold the new address.', { headers });
      converter.sequence = Number(ctx.query.get('sequence'));
      converter.rtmpUrl = next.rtmpUrl;
      converter.jitterBufferSizeMs = effectiveJitter(next.jitterBufferSizeMs as number | undefined);
      if (converter.transcodeOptions) {
        converter.transcodeOptions = next.transcodeOptions as JsonObject;
        converter.size = sizeClass(videoOf(converter.transcodeOptions)?.canvas);
      }
      converter.updateTs = Math.floor(ctx.now / 1000);
      // Agora's examples name the channel beside any changed transcoding field.
      const transcodeChanged = changed.transcodeOptions as JsonObject | undefined;
      if (transcodeChanged) transcodeChanged.rtcChannel = converter.channel;
      converterUpdated(ctx.project, converter, stateOf(converter, ctx.now), changed, mask, ctx.requestId, ctx.now);
      return { status: 200, headers, body: brief(converter, ctx.now) };
    },
  },
  {
    operationId: 'delete-converter',
    check: (ctx) => checkRegion(ctx.params.region),
    handle: (ctx) => {
      const converter = find(ctx);
      if (isResult(converter)) return converter;
      removeConverter(ctx.project, converter.id, ctx.now, 'Delete Request');
      return { status: 200, headers: { 'X-Resource-ID': converter.id }, body: {} };
    },
  },
];
