/** Media Push's slice of a sandbox project: its RTMP converters. */
import { defineSlice } from '../../sandbox/family';
import { userKey, type ProjectState } from '../../sandbox/project';
import { converterDestroyed, type DestroyReason } from './events';

/** A plain JSON object as the request gave it (kept as data so the project encodes as is). */
export type JsonObject = Record<string, unknown>;

export interface RawOptions {
  rtcChannel: string;
  rtcStreamUid: number;
}

/** The output size class Agora's concurrency limits are written in. */
export type SizeClass = 'SD' | 'HD' | 'FHD';

export interface Converter {
  id: string;
  /** Creation order within the project; list cursors point at it. */
  seq: number;
  region: string;
  name?: string;
  channel: string;
  /** Exactly one of these two, as create was given. */
  transcodeOptions?: JsonObject;
  rawOptions?: RawOptions;
  rtmpUrl: string;
  idleTimeout: number;
  jitterBufferSizeMs: number;
  size: SizeClass;
  /** Unix seconds, as Agora reports createTs and updateTs. */
  createTs: number;
  updateTs: number;
  createdAt: number;
  /** Last accepted update sequence; -1 before the first update. */
  sequence: number;
  /** Since when (ms) none of the users it pushes has been in the channel; absent while one is. */
  idleSince?: number;
}

export interface ConverterState {
  converters: Map<string, Converter>;
  nextSeq: number;
}

/**
 * The uids a converter pushes: the raw stream's user, or the users a transcoding
 * mixes or lays out. Undefined when it names none (it then mixes everybody).
 */
export function sourceUids(converter: Converter): number[] | undefined {
  if (converter.rawOptions) return [converter.rawOptions.rtcStreamUid];
  const options = converter.transcodeOptions ?? {};
  const audio = (options.audioOptions ?? {}) as { rtcStreamUids?: number[] };
  const video = (options.videoOptions ?? {}) as { layout?: Array<{ rtcStreamUid?: number }>; vertical?: { maxResolutionUid?: number } };
  const uids = new Set<number>(audio.rtcStreamUids ?? []);
  for (const box of video.layout ?? []) if (box.rtcStreamUid !== undefined) uids.add(box.rtcStreamUid);
  if (video.vertical?.maxResolutionUid !== undefined) uids.add(video.vertical.maxResolutionUid);
  return uids.size > 0 ? [...uids] : undefined;
}

/** Agora's meaning of idle: every user whose streams the converter handles has left the channel. */
export function isIdle(project: ProjectState, converter: Converter): boolean {
  const channel = project.channels.get(converter.channel);
  if (!channel || channel.users.size === 0) return true;
  const uids = sourceUids(converter);
  if (!uids) return false;
  return !uids.some((uid) => channel.users.has(userKey(uid)));
}

const idleEnd = (converter: Converter): number | undefined =>
  converter.idleSince === undefined ? undefined : converter.idleSince + converter.idleTimeout * 1000;

export const converterSlice = defineSlice<ConverterState>('media-push', {
  create: () => ({ converters: new Map(), nextSeq: 1 }),
  // Channels change under other families' calls, so idleness is looked at on every touch:
  // it starts when first seen, stops when one of the converter's users is back.
  sweep: (state, project, now) => {
    for (const [id, converter] of state.converters) {
      if (!isIdle(project, converter)) {
        delete converter.idleSince;
        continue;
      }
      converter.idleSince ??= now;
      const end = idleEnd(converter)!;
      if (end <= now) removeConverter(project, id, end, 'Idle Timeout');
    }
  },
  // The next idle timeout, so its notice is sent when it happens rather than at the next call.
  wakeAt: (state) => {
    let next: number | undefined;
    for (const converter of state.converters.values()) {
      const end = idleEnd(converter);
      if (end !== undefined && (next === undefined || end < next)) next = end;
    }
    return next;
  },
});

/** Remove a converter at `at` (ms), with Converter Destroyed. */
export function removeConverter(project: ProjectState, id: string, at: number, reason: DestroyReason): Converter | undefined {
  const { converters } = converterSlice.of(project);
  const converter = converters.get(id);
  if (!converter) return undefined;
  converters.delete(id);
  converterDestroyed(project, converter, reason, at);
  return converter;
}
