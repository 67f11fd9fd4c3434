/**
 * Cloud Recording's slice of a sandbox project: acquired resources waiting for
 * a start, and running recordings. Capped and expiring like every slice.
 */
import { defineSlice } from '../../sandbox/family';
import { leaveChannel, numericUid, type ProjectState } from '../../sandbox/store';

/** Caps per App ID. */
export const CAPS = {
  /** Acquired resourceIds waiting for a start. */
  resources: 200,
  /** Running recordings: Agora's documented 50 concurrent tasks per App ID. */
  recordings: 50,
} as const;

/** Lifetimes, ms. */
export const TTL = {
  /** An acquired resourceId must be used by start within 5 minutes. */
  resource: 5 * 60_000,
  /** A recording nobody queries, updates or stops is stopped after an hour. */
  recording: 60 * 60_000,
} as const;

export interface RecordingResource {
  resourceId: string;
  cname: string;
  uid: string;
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
}

export interface RecordingState {
  resources: Map<string, RecordingResource>;
  recordings: Map<string, Recording>;
}

export const recordingSlice = defineSlice<RecordingState>('cloud-recording', {
  create: () => ({ resources: new Map(), recordings: new Map() }),
  sweep: (state, project, now) => {
    for (const [id, resource] of state.resources) {
      if (resource.expiresAt <= now) state.resources.delete(id);
    }
    for (const [sid, recording] of state.recordings) {
      if (now - recording.lastActivity >= TTL.recording) endRecording(project, sid);
    }
  },
});

/** Stop a recording: the recorder leaves the channel and the sid is forgotten. */
export function endRecording(project: ProjectState, sid: string): Recording | undefined {
  const { recordings } = recordingSlice.of(project);
  const recording = recordings.get(sid);
  if (!recording) return undefined;
  recordings.delete(sid);
  leaveChannel(project, recording.cname, numericUid(recording.uid));
  return recording;
}
