/**
 * Cloud Recording's slice of a sandbox project: acquired resources waiting for
 * a start, and running recordings. Capped and expiring like every slice.
 */
import { defineSlice } from '../../sandbox/family';
import { leaveChannel, numericUid, type ProjectState } from '../../sandbox/project';
import { recordingStopped } from './events';

/** Caps per App ID. */
export const CAPS = {
  /** Acquired resourceIds waiting for a start. */
  resources: 200,
  /** Running individual and composite recordings: Agora's 50 concurrent tasks per App ID (PCW). */
  recordings: 50,
  /** Running web page recordings: Agora's web page recording best practices allow 200 per App ID. */
  webRecordings: 200,
  /** Stopped recordings remembered while they exit (see TTL.exiting). */
  exiting: 200,
} as const;

/** Lifetimes, ms. */
export const TTL = {
  /** An acquired resourceId must be used by start within 5 minutes. */
  resource: 5 * 60_000,
  /** A recording nobody queries, updates or stops is stopped after an hour. */
  recording: 60 * 60_000,
  /**
   * A stopped recording stays "exiting" this long: a second stop meanwhile gets
   * Agora's code 49 rather than 404. Long enough for a reader to press stop twice.
   */
  exiting: 30_000,
} as const;

export interface RecordingResource {
  resourceId: string;
  cname: string;
  uid: string;
  /** acquire's scene: 0 audio and video recording, 1 web page recording. */
  scene: number;
  /** acquire's startParameter, which start's clientRequest must agree with. */
  startParameter?: Record<string, unknown>;
  acquiredAt: number;
  expiresAt: number;
}

export type RecordingMode = 'individual' | 'mix' | 'web';

export interface Recording {
  sid: string;
  resourceId: string;
  cname: string;
  uid: string;
  mode: RecordingMode;
  startedAt: number;
  lastActivity: number;
  /** Last layout set by updateLayout (mix mode). */
  layout?: unknown;
  /** Last subscription set by update. */
  subscription?: unknown;
  updates: number;
  /** Notifications sent about it so far (the next one's `sequence`). */
  notices?: number;
  /** start's recordingFileConfig.avFileType (absent: Agora's default, ["hls"]). */
  avFileType?: string[];
  /** Web mode: paused by start's serviceParam.onhold or update's webRecordingConfig.onhold. */
  onhold?: boolean;
  /** Web mode: the CDN addresses rtmp_publish_service pushes to. */
  rtmpUrls?: string[];
}

/** A stopped recording that is still exiting, as far as a second stop is concerned. */
export interface ExitingRecording {
  sid: string;
  resourceId: string;
  mode: RecordingMode;
  expiresAt: number;
}

export interface RecordingState {
  resources: Map<string, RecordingResource>;
  recordings: Map<string, Recording>;
  exiting: Map<string, ExitingRecording>;
}

export const recordingSlice = defineSlice<RecordingState>('cloud-recording', {
  create: () => ({ resources: new Map(), recordings: new Map(), exiting: new Map() }),
  sweep: (state, project, now) => {
    for (const [id, resource] of state.resources) {
      if (resource.expiresAt <= now) state.resources.delete(id);
    }
    for (const [sid, recording] of state.recordings) {
      const endsAt = recording.lastActivity + TTL.recording;
      if (endsAt <= now) {
        recordingStopped(project, recording, endsAt, null, 'the recording went an hour without a call');
        endRecording(project, sid, endsAt);
      }
    }
    for (const [sid, exiting] of state.exiting) {
      if (exiting.expiresAt <= now) state.exiting.delete(sid);
    }
  },
});

/** Stop a recording: the recorder leaves the channel and the sid is forgotten. */
export function endRecording(project: ProjectState, sid: string, now: number): Recording | undefined {
  const { recordings } = recordingSlice.of(project);
  const recording = recordings.get(sid);
  if (!recording) return undefined;
  recordings.delete(sid);
  // A web page recording never joined the channel its cname names (see start).
  if (recording.mode !== 'web') leaveChannel(project, recording.cname, numericUid(recording.uid), now);
  return recording;
}

/** Remember a stopped recording as exiting for TTL.exiting; the oldest goes first past the cap. */
export function markExiting(project: ProjectState, recording: Recording, now: number): void {
  const { exiting } = recordingSlice.of(project);
  while (exiting.size >= CAPS.exiting) exiting.delete(exiting.keys().next().value as string);
  exiting.set(recording.sid, { sid: recording.sid, resourceId: recording.resourceId, mode: recording.mode, expiresAt: now + TTL.exiting });
}
