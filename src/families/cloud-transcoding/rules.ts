/**
 * The rules Agora states for Cloud Transcoding in its guides rather than in the
 * schema (Docs-Source cloud-transcoding/: the API pages, "Concurrency limits"),
 * as pure functions over the transcoder configuration: each returns the
 * offending field and why, or null.
 */

export interface Rtc {
  rtcChannel: string;
  rtcUid: number;
  rtcToken: string;
}
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
  zOrder: number;
}
export interface AudioInput {
  streamUrl?: string;
  volume?: number;
  repeat?: number;
  rtc?: Rtc;
}
export interface VideoInput {
  streamUrl?: string;
  repeat?: number;
  rtc?: Rtc;
  placeholderImageUrl?: string;
  region: Region;
}
export interface Output {
  streamUrl?: string;
  rtc: Rtc;
  audioOption?: { profileType?: string };
  videoOption?: { width: number; height: number; bitrate: number; codec: string; fps?: number; mode?: string; lowBitrateHighQuality?: boolean };
}
export interface Transcoder {
  idleTimeout?: number;
  streamProcessMode?: 'mix' | 'heterogeneous-single' | 'single';
  audioInputs?: AudioInput[];
  videoInputs?: VideoInput[];
  canvas: { width: number; height: number; color: number; backgroundImage?: string; fillMode?: string };
  waterMarks?: unknown[];
  outputs: Output[];
}

export interface Problem {
  field: string;
  reason: string;
}

/** Where the transcoder configuration sits in every body. */
export const CONFIG_PATH = 'services.cloudTranscoder.config.transcoder';

/** Agora's largest output: 1920 x 1080 (either orientation). */
export const MAX_OUTPUT = { long: 1920, short: 1080 } as const;

/** Resolution classes of the workload table, by output pixels. */
export type Definition = 'SD' | 'HD' | 'FHD';

/** The workload row the sandbox applies (Mainland China): tasks per class and in all. */
export const WORKLOAD = { SD: 20, HD: 10, FHD: 5, total: 20 } as const;

/** The transcoder configuration of a create or update body. */
export function transcoderOf(body: unknown): Transcoder {
  const services = (body as { services?: { cloudTranscoder?: { config?: { transcoder?: Transcoder } } } } | undefined)?.services;
  return services?.cloudTranscoder?.config?.transcoder as Transcoder;
}

/** SD up to 640 x 360, HD up to 1280 x 720, FHD above (the workload table's classes). */
export function definitionOf(config: Transcoder): Definition {
  const pixels = Math.max(0, ...config.outputs.map((output) => (output.videoOption ? output.videoOption.width * output.videoOption.height : 0)));
  if (pixels <= 640 * 360) return 'SD';
  return pixels <= 1280 * 720 ? 'HD' : 'FHD';
}

/** Agora's rules for a configuration, create and update alike. */
export function configProblem(config: Transcoder): Problem | null {
  const at = (field: string): string => `${CONFIG_PATH}.${field}`;
  const single = config.streamProcessMode === 'single' || config.streamProcessMode === 'heterogeneous-single';
  if (single && ((config.audioInputs?.length ?? 0) > 1 || (config.videoInputs?.length ?? 0) > 1)) {
    return { field: at('streamProcessMode'), reason: `with "${config.streamProcessMode}", audioInputs and videoInputs hold at most one item each.` };
  }
  for (const [list, inputs] of [['audioInputs', config.audioInputs ?? []], ['videoInputs', config.videoInputs ?? []]] as const) {
    for (const [index, input] of inputs.entries()) {
      if (!input.rtc && !input.streamUrl) return { field: at(`${list}[${index}]`), reason: 'name either rtc (a host in a channel) or streamUrl (a CDN stream).' };
    }
  }
  for (const [index, input] of (config.videoInputs ?? []).entries()) {
    const image = input.placeholderImageUrl;
    if (image !== undefined && !/\.(jpg|png)$/i.test(image)) {
      return { field: at(`videoInputs[${index}].placeholderImageUrl`), reason: 'must be an image URL ending in .jpg or .png.' };
    }
  }
  if (config.outputs.length === 0) return { field: at('outputs'), reason: 'name the channel the transcoder publishes into.' };
  const channels = new Set(config.outputs.map((output) => output.rtc.rtcChannel));
  if (channels.size > 1) return { field: at('outputs'), reason: 'a task publishes into one RTC channel only; create a second task for another channel.' };
  if (config.outputs.some((output) => output.streamUrl)) {
    return { field: at('outputs'), reason: 'a task cannot publish to a CDN address and an RTC channel at once; create a separate task for the CDN.' };
  }
  for (const [index, output] of config.outputs.entries()) {
    const video = output.videoOption;
    if (video && (Math.max(video.width, video.height) > MAX_OUTPUT.long || Math.min(video.width, video.height) > MAX_OUTPUT.short)) {
      return { field: at(`outputs[${index}].videoOption`), reason: `is ${video.width} x ${video.height}; Cloud Transcoding outputs at most 1920 x 1080.` };
    }
  }
  return null;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What an update may not change. Agora lets an update add or remove `rtc` inputs,
 * move video regions and change each output's audioOption and videoOption; every
 * other field keeps the value create gave it.
 */
export function updateProblem(before: Transcoder, after: Transcoder): Problem | null {
  const at = (field: string): string => `${CONFIG_PATH}.${field}`;
  const fixed = ['idleTimeout', 'streamProcessMode', 'canvas', 'waterMarks'] as const;
  for (const field of fixed) {
    if (!same(before[field], after[field])) return { field: at(field), reason: 'cannot change in an update; send the value create used.' };
  }
  const cdn = (inputs: Array<AudioInput | VideoInput> | undefined) => (inputs ?? []).filter((input) => !input.rtc).map((input) => input.streamUrl);
  for (const list of ['audioInputs', 'videoInputs'] as const) {
    if (!same(cdn(before[list]), cdn(after[list]))) return { field: at(list), reason: 'only rtc inputs can be added or removed in an update; keep the CDN inputs as they were.' };
  }
  // Tokens may be renewed; the channel and uid may not change.
  const where = (outputs: Output[]) => outputs.map((output) => ({ streamUrl: output.streamUrl, channel: output.rtc.rtcChannel, uid: output.rtc.rtcUid }));
  if (!same(where(before.outputs), where(after.outputs))) {
    return { field: at('outputs'), reason: 'an update changes only audioOption and videoOption of the outputs; keep the channel, uid and streamUrl of every output as they were.' };
  }
  return null;
}
