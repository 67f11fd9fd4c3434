/**
 * Cloud Recording as a state machine:
 *   acquire -> resourceId (valid 5 minutes) -> start -> sid (recording)
 *   -> query / update / updateLayout -> stop (file list; the task exits).
 * A running recording puts its recorder uid in the channel, so channel
 * management sees it. Errors use Agora's `{code, reason}` body with the codes
 * of Agora's status-code page (dialect.ts); the rules Agora's OpenAPI file
 * states only in prose are in rules.ts.
 */
import { hexId, resourceId } from '../../sandbox/ids';
import { joinChannel, numericUid } from '../../sandbox/project';
import type { HandlerContext, OperationHandler, SandboxResult } from '../../sandbox/types';
import { cloudRecordingDialect as dialect, recordingError } from './dialect';
import { acquireProblem, channelNameOk, clientRequestProblem, disagreement, layoutProblem, uidProblem, updateProblem, type Problem } from './rules';
import { CAPS, TTL, endRecording, markExiting, recordingSlice, type Recording, type RecordingMode } from './state';
import { recordingStarted, recordingStopped } from './events';

/** A recording reports status 1 (starting) for this long, then 5 (recording). */
export const STARTING_MS = 2000;

/** The notification servers' addresses the sandbox reports: documentation addresses (RFC 5737), never real ones. */
export const RECORDING_NCS_IPS = ['192.0.2.20', '192.0.2.21'] as const;

interface RecordingBody {
  cname: string;
  uid: string;
  clientRequest?: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

const invalid = (problem: Problem): SandboxResult => dialect.invalidParameter(problem.field, problem.reason);

/** The running recording a path names, or null when sid, resourceId or mode do not match one. */
function findRecording(ctx: HandlerContext): Recording | null {
  const recording = recordingSlice.of(ctx.project).recordings.get(ctx.params.sid);
  if (!recording || recording.resourceId !== ctx.params.resourceid || recording.mode !== ctx.params.mode) return null;
  recording.lastActivity = ctx.now;
  return recording;
}

/** Calls on a running recording must name its own channel and uid. */
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

const startSeconds = (recording: Recording): number => Math.floor((recording.startedAt + STARTING_MS) / 1000);

/** Users of the recorded channel whose streams an individual recording writes (everyone but recorders). */
function recordedUids(ctx: HandlerContext, recording: Recording): number[] {
  const users = ctx.project.channels.get(recording.cname)?.users.values() ?? [];
  return [...users].filter((user) => user.source !== 'recording').map((user) => user.uid);
}

/**
 * Nothing to upload: stopped before the first file, or (individual and composite
 * modes) nobody in the channel to record. A web page recording records the page.
 */
function nothingRecorded(ctx: HandlerContext, recording: Recording): boolean {
  if (!isRecording(recording, ctx.now)) return true;
  return recording.mode !== 'web' && recordedUids(ctx, recording).length === 0;
}

/** Individual and composite modes: `fileListMode` and `fileList` as Agora writes them for the mode and file types. */
function fileList(ctx: HandlerContext, recording: Recording): { fileListMode: 'string' | 'json'; fileList: unknown } {
  const started = isRecording(recording, ctx.now);
  const base = `${recording.sid}_${recording.cname}`;
  const sliceStartTime = startSeconds(recording);
  const mp4 = recording.avFileType?.includes('mp4') ?? false;
  if (recording.mode === 'mix') {
    if (!mp4) return { fileListMode: 'string', fileList: started ? `${base}.m3u8` : '' };
    const file = (fileName: string) => ({ fileName, trackType: 'audio_and_video', uid: '0', mixedAllUser: true, isPlayable: true, sliceStartTime });
    return { fileListMode: 'json', fileList: started ? [file(`${base}.m3u8`), file(`${base}_0.mp4`)] : [] };
  }
  const files = recordedUids(ctx, recording).map((uid) => ({
    fileName: `${base}__uid_s_${uid}__uid_e_av.m3u8`,
    trackType: 'audio_and_video',
    uid: String(uid),
    mixedAllUser: false,
    isPlayable: true,
    sliceStartTime,
  }));
  return { fileListMode: 'json', fileList: started ? files : [] };
}

/** Web mode: what web_recorder_service (and rtmp_publish_service, when pushing) report. */
function webServices(ctx: HandlerContext, recording: Recording, state: 'inProgress' | 'exit'): Json[] {
  const started = isRecording(recording, ctx.now);
  const base = `${recording.sid}_${recording.cname}`;
  const names = recording.avFileType?.includes('mp4') ? [`${base}_0.m3u8`, `${base}_0.mp4`] : [`${base}_0.m3u8`];
  const services: Json[] = [
    {
      serviceName: 'web_recorder_service',
      payload: {
        fileList: started ? names.map((filename) => ({ filename, sliceStartTime: startSeconds(recording) })) : [],
        onhold: recording.onhold ?? false,
        state: started || state === 'exit' ? state : 'init',
      },
    },
  ];
  if (recording.rtmpUrls?.length && state === 'inProgress') {
    const status = recording.onhold ? 'onhold' : started ? 'publishing' : 'connecting';
    services.push({ serviceName: 'rtmp_publish_service', payload: { outputs: recording.rtmpUrls.map((rtmpUrl) => ({ rtmpUrl, status })) } });
  }
  return services;
}

/** The files an `uploaded` notification lists: always an array, with sliceStartTime in ms as the event table says. */
function uploadedFiles(ctx: HandlerContext, recording: Recording): unknown[] {
  const sliceStartTime = recording.startedAt + STARTING_MS;
  if (recording.mode === 'web') {
    const [recorder] = webServices(ctx, recording, 'exit');
    const files = (asObject(recorder.payload).fileList ?? []) as Array<{ filename: string }>;
    return files.map((file) => ({ fileName: file.filename, sliceStartTime }));
  }
  const listed = fileList(ctx, recording).fileList;
  if (typeof listed === 'string') {
    return listed ? [{ fileName: listed, trackType: 'audio_and_video', uid: '0', mixedAllUser: true, isPlayable: true, sliceStartTime }] : [];
  }
  return (listed as Json[]).map((file) => ({ ...file, sliceStartTime }));
}

function identity(recording: Recording) {
  return { cname: recording.cname, uid: recording.uid, resourceId: recording.resourceId, sid: recording.sid };
}

/** Running recordings of one kind: web page recordings have their own, larger limit. */
function running(ctx: HandlerContext, web: boolean): number {
  return [...recordingSlice.of(ctx.project).recordings.values()].filter((recording) => (recording.mode === 'web') === web).length;
}

/** The concurrent-task limit for a kind: the catalog's for audio and video recording, Agora's 200 for web pages. */
function concurrencyLimit(ctx: HandlerContext, web: boolean): number {
  return web ? CAPS.webRecordings : (ctx.operation.limits.concurrentTasks ?? CAPS.recordings);
}

/** The web page recording's services from start's extensionServiceConfig. */
function webServicesRequested(clientRequest: Json): Json[] {
  const services = asObject(clientRequest.extensionServiceConfig).extensionServices;
  return Array.isArray(services) ? services.map(asObject) : [];
}

export const cloudRecordingHandlers: OperationHandler[] = [
  {
    operationId: 'acquire',
    check: (ctx) => {
      const { cname, uid, clientRequest } = ctx.body as RecordingBody;
      const uidError = uidProblem(uid);
      if (uidError) return invalid(uidError);
      const scene = asObject(clientRequest).scene ?? 0;
      const problem = acquireProblem(clientRequest);
      if (problem) return invalid(problem);
      if (!channelNameOk(cname, scene as number)) return recordingError('invalidChannelName');
      // Agora refuses at acquire once the App ID runs as many tasks as it may.
      const web = scene === 1;
      if (running(ctx, web) >= concurrencyLimit(ctx, web)) return recordingError('vendorOverLoad');
      return null;
    },
    handle: (ctx) => {
      const { cname, uid, clientRequest } = ctx.body as RecordingBody;
      const request = asObject(clientRequest);
      const { resources } = recordingSlice.of(ctx.project);
      // Resources live 5 minutes; under a flood the oldest unused ones go first.
      while (resources.size >= CAPS.resources) resources.delete(resources.keys().next().value as string);
      const id = resourceId();
      resources.set(id, {
        resourceId: id,
        cname,
        uid,
        scene: (request.scene as number | undefined) ?? 0,
        ...(request.startParameter !== undefined ? { startParameter: asObject(request.startParameter) } : {}),
        acquiredAt: ctx.now,
        expiresAt: ctx.now + TTL.resource,
      });
      return { status: 200, body: { cname, uid, resourceId: id } };
    },
  },
  {
    operationId: 'start-recording',
    check: (ctx) => {
      const { cname, uid, clientRequest } = ctx.body as RecordingBody;
      const { resourceid, mode } = ctx.params;
      const recordings = [...recordingSlice.of(ctx.project).recordings.values()];
      // A repeated start is answered 201 with code 7: the recording exists, so clients must read `code`.
      if (recordings.some((recording) => recording.resourceId === resourceid)) return recordingError('alreadyStarted');
      const resource = recordingSlice.of(ctx.project).resources.get(resourceid);
      if (!resource) {
        return dialect.invalidParameter('resourceid', 'is unknown or has expired (a resourceId is valid for 5 minutes after acquire). Call acquire again.');
      }
      if (resource.cname !== cname || resource.uid !== uid) {
        return dialect.invalidParameter(resource.cname !== cname ? 'cname' : 'uid', `must be the one used in acquire (cname "${resource.cname}", uid "${resource.uid}").`);
      }
      if ((resource.scene === 1) !== (mode === 'web')) {
        return dialect.invalidParameter('mode', mode === 'web' ? 'web needs a resource acquired with scene 1.' : `${mode} needs a resource acquired with scene 0 (this one has scene 1, for web mode).`);
      }
      const problem = clientRequestProblem(clientRequest, 'clientRequest');
      if (problem) return invalid(problem);
      if (mode === 'web' && !webServicesRequested(asObject(clientRequest)).some((service) => service.serviceName === 'web_recorder_service')) {
        return dialect.invalidParameter('clientRequest.extensionServiceConfig', 'must name web_recorder_service (with the page url) in web mode.');
      }
      if (resource.startParameter) {
        const field = disagreement(resource.startParameter, clientRequest);
        if (field) return dialect.invalidParameter(field, "differs from acquire's startParameter; send the same values in both.");
      }
      if (recordings.some((recording) => recording.cname === cname && recording.uid === uid)) return recordingError('taskConflict');
      // acquire enforces the limit; this only keeps the store bounded when resources were acquired in a batch.
      const web = mode === 'web';
      if (running(ctx, web) >= concurrencyLimit(ctx, web)) return recordingError('noWorker');
      return null;
    },
    handle: (ctx) => {
      const { cname, uid, clientRequest } = ctx.body as RecordingBody;
      const request = asObject(clientRequest);
      const { resources, recordings } = recordingSlice.of(ctx.project);
      const resource = resources.get(ctx.params.resourceid)!;
      resources.delete(resource.resourceId);
      const avFileType = asObject(request.recordingFileConfig).avFileType;
      const services = webServicesRequested(request);
      const page = asObject(services.find((service) => service.serviceName === 'web_recorder_service')?.serviceParam);
      const push = asObject(services.find((service) => service.serviceName === 'rtmp_publish_service')?.serviceParam);
      const outputs = Array.isArray(push.outputs) ? push.outputs.map((output) => asObject(output).rtmpUrl).filter((url): url is string => typeof url === 'string') : [];
      const recording: Recording = {
        sid: hexId(),
        resourceId: resource.resourceId,
        cname,
        uid,
        mode: ctx.params.mode as RecordingMode,
        startedAt: ctx.now,
        lastActivity: ctx.now,
        updates: 0,
        ...(Array.isArray(avFileType) ? { avFileType: avFileType.map(String) } : {}),
        ...(ctx.params.mode === 'web' ? { onhold: page.onhold === true, rtmpUrls: outputs } : {}),
      };
      recordings.set(recording.sid, recording);
      recordingStarted(ctx.project, recording, STARTING_MS);
      // A web page recording renders a page; it does not join the channel named by cname.
      if (recording.mode !== 'web') {
        // The recorder joins the channel as an audience member on a Linux server.
        joinChannel(ctx.project, cname, { uid: numericUid(uid), role: 2, platform: 6, join: Math.floor(ctx.now / 1000), source: 'recording' }, ctx.now);
      }
      return { status: 200, body: identity(recording) };
    },
  },
  {
    operationId: 'query-recording',
    handle: (ctx) => {
      const recording = findRecording(ctx);
      if (!recording) return recordingError('workerNotFound');
      const status = isRecording(recording, ctx.now) ? 5 : 1;
      const serverResponse =
        recording.mode === 'web'
          ? { status, extensionServiceState: webServices(ctx, recording, 'inProgress') }
          : {
              status,
              ...fileList(ctx, recording),
              // Agora reports the recording's start time in individual mode only.
              ...(recording.mode === 'individual' ? { sliceStartTime: recording.startedAt + STARTING_MS } : {}),
            };
      return { status: 200, body: { ...identity(recording), serverResponse } };
    },
  },
  {
    operationId: 'update-recording',
    check: (ctx) => {
      const recording = findRecording(ctx);
      if (!recording) return recordingError('workerNotFound');
      const mismatch = sameIdentity(ctx, recording);
      if (mismatch) return mismatch;
      const request = asObject((ctx.body as RecordingBody).clientRequest);
      const web = recording.mode === 'web';
      if (request.streamSubscribe !== undefined && web) {
        return dialect.invalidParameter('clientRequest.streamSubscribe', 'applies to individual and composite recordings, not web mode.');
      }
      for (const part of ['webRecordingConfig', 'rtmpPublishConfig']) {
        if (request[part] !== undefined && !web) return dialect.invalidParameter(`clientRequest.${part}`, `applies to web mode only; this recording is in ${recording.mode} mode.`);
      }
      const problem = updateProblem(request);
      return problem ? invalid(problem) : null;
    },
    handle: (ctx) => {
      const recording = findRecording(ctx)!;
      const request = asObject((ctx.body as RecordingBody).clientRequest);
      if (request.streamSubscribe !== undefined) recording.subscription = request.streamSubscribe;
      const onhold = asObject(request.webRecordingConfig).onhold;
      if (typeof onhold === 'boolean') recording.onhold = onhold;
      const outputs = asObject(request.rtmpPublishConfig).outputs;
      if (Array.isArray(outputs)) recording.rtmpUrls = outputs.map((output) => asObject(output).rtmpUrl).filter((url): url is string => typeof url === 'string');
      recording.updates += 1;
      return { status: 200, body: identity(recording) };
    },
  },
  {
    operationId: 'update-layout',
    // The path's mode can only be `mix` (catalog schema), so a recording in another mode is not found.
    check: (ctx) => {
      const recording = findRecording(ctx);
      if (!recording) return recordingError('workerNotFound');
      const mismatch = sameIdentity(ctx, recording);
      if (mismatch) return mismatch;
      const problem = layoutProblem((ctx.body as RecordingBody).clientRequest);
      return problem ? invalid(problem) : null;
    },
    handle: (ctx) => {
      const recording = findRecording(ctx)!;
      // Each call replaces the whole layout, as at Agora.
      recording.layout = (ctx.body as RecordingBody).clientRequest;
      recording.updates += 1;
      return { status: 200, body: identity(recording) };
    },
  },
  {
    operationId: 'stop-recording',
    check: (ctx) => {
      const recording = findRecording(ctx);
      if (!recording) {
        // A task that is still exiting refuses another stop with code 49; after that it is gone (404).
        const exiting = recordingSlice.of(ctx.project).exiting.get(ctx.params.sid);
        const same = exiting && exiting.resourceId === ctx.params.resourceid && exiting.mode === ctx.params.mode;
        return recordingError(same ? 'invalidOperation' : 'workerNotFound');
      }
      return sameIdentity(ctx, recording);
    },
    handle: (ctx) => {
      const recording = findRecording(ctx)!;
      const empty = nothingRecorded(ctx, recording);
      const serverResponse =
        recording.mode === 'web'
          ? { extensionServiceState: [{ serviceName: 'upload_service', payload: { uploadingStatus: 'uploaded' } }, ...webServices(ctx, recording, 'exit')] }
          : { ...fileList(ctx, recording), uploadingStatus: 'uploaded' };
      recordingStopped(ctx.project, recording, ctx.now, empty ? null : uploadedFiles(ctx, recording));
      endRecording(ctx.project, recording.sid, ctx.now);
      markExiting(ctx.project, recording, ctx.now);
      // The task ends either way; with nothing written Agora answers 206 with code 435.
      if (empty) return recordingError('noRecordedData');
      return { status: 200, body: { ...identity(recording), serverResponse } };
    },
  },
  {
    operationId: 'query-recording-ncs-ips',
    handle: () => ({
      status: 200,
      body: { data: { service: { hosts: RECORDING_NCS_IPS.map((primaryIP) => ({ primaryIP })) } } },
    }),
  },
];
