/**
 * Cloud Recording as a state machine:
 *   acquire -> resourceId (valid 5 minutes) -> start -> sid (recording)
 *   -> query / update / updateLayout -> stop (file list; the sid is gone).
 * A running recording puts its recorder uid in the channel, so channel
 * management sees it. Errors use Agora's `{code, reason}` body.
 */
import { hexId, resourceId } from '../../sandbox/ids';
import { joinChannel, numericUid } from '../../sandbox/store';
import type { HandlerContext, OperationHandler, SandboxResult } from '../../sandbox/types';
import { cloudRecordingDialect as dialect } from './dialect';
import { CAPS, TTL, endRecording, recordingSlice, type Recording, type RecordingMode } from './state';

/** A recording reports status 1 (starting) for this long, then 5 (recording). */
export const STARTING_MS = 2000;

interface RecordingBody {
  cname: string;
  uid: string;
  clientRequest?: Record<string, unknown>;
}

const notFound = (): SandboxResult => ({ status: 404, body: { code: 404, reason: 'failed to find worker' } });

/** The running recording a path names, or null when sid, resourceId or mode do not match one. */
function findRecording(ctx: HandlerContext): Recording | null {
  const recording = recordingSlice.of(ctx.project).recordings.get(ctx.params.sid);
  if (!recording || recording.resourceId !== ctx.params.resourceid || recording.mode !== ctx.params.mode) return null;
  recording.lastActivity = ctx.now;
  return recording;
}

/** Update calls must name the recording's own channel and uid. */
function sameIdentity(ctx: HandlerContext, recording: Recording): SandboxResult | null {
  const { cname, uid } = ctx.body as RecordingBody;
  if (cname !== recording.cname || uid !== recording.uid) {
    return dialect.invalidParameter(
      cname !== recording.cname ? 'cname' : 'uid',
      `must match the recording's (cname "${recording.cname}", uid "${recording.uid}").`,
    );
  }
  return null;
}

function isRecording(recording: Recording, now: number): boolean {
  return now - recording.startedAt >= STARTING_MS;
}

/** The files a recording has produced so far, in the shape Agora uses for the mode. */
function fileList(recording: Recording, now: number): { fileListMode: 'string' | 'json'; fileList: unknown } {
  const started = isRecording(recording, now);
  const base = `${recording.sid}_${recording.cname}`;
  const sliceStartTime = recording.startedAt + STARTING_MS;
  if (recording.mode === 'mix') return { fileListMode: 'string', fileList: started ? `${base}.m3u8` : '' };
  if (recording.mode === 'web') {
    return { fileListMode: 'json', fileList: started ? [{ fileName: `${base}_0.mp4`, trackType: 'audio_and_video', isPlayable: true, sliceStartTime }] : [] };
  }
  return {
    fileListMode: 'json',
    fileList: started
      ? [{ fileName: `${base}__uid_s_${recording.uid}__uid_e_av.m3u8`, trackType: 'audio_and_video', uid: recording.uid, mixedAllUser: false, isPlayable: true, sliceStartTime }]
      : [],
  };
}

function identity(recording: Recording) {
  return { cname: recording.cname, uid: recording.uid, resourceId: recording.resourceId, sid: recording.sid };
}

export const cloudRecordingHandlers: OperationHandler[] = [
  {
    operationId: 'acquire',
    handle: (ctx) => {
      const { cname, uid } = ctx.body as RecordingBody;
      const { resources } = recordingSlice.of(ctx.project);
      // Resources live 5 minutes; under a flood the oldest unused ones go first.
      while (resources.size >= CAPS.resources) resources.delete(resources.keys().next().value as string);
      const id = resourceId();
      resources.set(id, { resourceId: id, cname, uid, acquiredAt: ctx.now, expiresAt: ctx.now + TTL.resource });
      return { status: 200, body: { cname, uid, resourceId: id } };
    },
  },
  {
    operationId: 'start-recording',
    // cname and uid formats (ChannelName, RecordingUid) are the catalog schema's job.
    check: (ctx) => {
      const { cname, uid } = ctx.body as RecordingBody;
      const { resourceid } = ctx.params;
      const running = [...recordingSlice.of(ctx.project).recordings.values()];
      const same = running.find((recording) => recording.resourceId === resourceid);
      if (same) {
        // Agora answers a repeated start with HTTP 201 and code 7 (facts sheet, section 5):
        // the request "succeeded" in that the recording exists, so clients must read `code`.
        return {
          status: 201,
          body: {
            ...identity(same),
            code: 7,
            reason: 'The recording has already started with this resourceId. Use its sid, or acquire a new resourceId.',
          },
        };
      }
      const resource = recordingSlice.of(ctx.project).resources.get(resourceid);
      if (!resource) {
        return dialect.invalidParameter(
          'resourceid',
          'is unknown or has expired (a resourceId is valid for 5 minutes after acquire). Call acquire again.',
        );
      }
      if (resource.cname !== cname || resource.uid !== uid) {
        return dialect.invalidParameter(resource.cname !== cname ? 'cname' : 'uid', `must be the one used in acquire (cname "${resource.cname}", uid "${resource.uid}").`);
      }
      if (running.some((recording) => recording.cname === cname && recording.uid === uid)) {
        return dialect.error(400, 'task conflict', 'uid', `uid ${uid} is already recording channel "${cname}". Stop that recording or use another uid.`, { code: 53 });
      }
      if (running.length >= CAPS.recordings) {
        return dialect.error(429, 'too many concurrent tasks', '', `At most ${CAPS.recordings} recordings run at once per App ID. Stop one first.`);
      }
      return null;
    },
    handle: (ctx) => {
      const { cname, uid } = ctx.body as RecordingBody;
      const resource = recordingSlice.of(ctx.project).resources.get(ctx.params.resourceid)!;
      recordingSlice.of(ctx.project).resources.delete(resource.resourceId);
      const recording: Recording = {
        sid: hexId(),
        resourceId: resource.resourceId,
        cname,
        uid,
        mode: ctx.params.mode as RecordingMode,
        startedAt: ctx.now,
        lastActivity: ctx.now,
        updates: 0,
      };
      recordingSlice.of(ctx.project).recordings.set(recording.sid, recording);
      // The recorder joins the channel as an audience member on a Linux server.
      joinChannel(ctx.project, cname, { uid: numericUid(uid), role: 2, platform: 6, join: Math.floor(ctx.now / 1000), source: 'recording' }, ctx.now);
      return { status: 200, body: identity(recording) };
    },
  },
  {
    operationId: 'query-recording',
    handle: (ctx) => {
      const recording = findRecording(ctx);
      if (!recording) return notFound();
      return {
        status: 200,
        body: {
          ...identity(recording),
          serverResponse: {
            status: isRecording(recording, ctx.now) ? 5 : 1,
            ...fileList(recording, ctx.now),
            sliceStartTime: recording.startedAt + STARTING_MS,
          },
        },
      };
    },
  },
  {
    operationId: 'update-recording',
    handle: (ctx) => {
      const recording = findRecording(ctx);
      if (!recording) return notFound();
      const mismatch = sameIdentity(ctx, recording);
      if (mismatch) return mismatch;
      recording.subscription = (ctx.body as RecordingBody).clientRequest;
      recording.updates += 1;
      return { status: 200, body: identity(recording) };
    },
  },
  {
    operationId: 'update-layout',
    handle: (ctx) => {
      const recording = findRecording(ctx);
      if (!recording) return notFound();
      const mismatch = sameIdentity(ctx, recording);
      if (mismatch) return mismatch;
      if (recording.mode !== 'mix') {
        return dialect.error(400, 'invalid operation', 'mode', `updateLayout applies to mix mode only; this recording is in ${recording.mode} mode.`, { code: 49 });
      }
      recording.layout = (ctx.body as RecordingBody).clientRequest;
      recording.updates += 1;
      return { status: 200, body: identity(recording) };
    },
  },
  {
    operationId: 'stop-recording',
    handle: (ctx) => {
      const recording = findRecording(ctx);
      if (!recording) return notFound();
      const mismatch = sameIdentity(ctx, recording);
      if (mismatch) return mismatch;
      const files = fileList(recording, ctx.now);
      endRecording(ctx.project, recording.sid);
      // Stopped before anything was recorded: the task ends, and Agora reports code 435.
      if (!isRecording(recording, ctx.now)) {
        return dialect.error(404, 'no recorded data', '', `The recording stopped ${ctx.now - recording.startedAt} ms after start, before any file was written. Record for a few seconds before stopping.`, { code: 435 });
      }
      return { status: 200, body: { ...identity(recording), serverResponse: { ...files, uploadingStatus: 'uploaded' } } };
    },
  },
];
