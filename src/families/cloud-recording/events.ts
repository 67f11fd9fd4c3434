/**
 * Cloud Recording's notifications (productId 3), from Agora's
 * event-types/cloud-recording.mdx and its start -> stop workflow figure:
 * recorder_started once the recorder is recording, then on stop
 * recorder_leave, uploader_started, uploaded (with the files) and
 * session_exit. Each payload carries cname, uid, sid, a per-recording
 * `sequence` from 0, `sendts`, `serviceType` and `details`.
 */
import { cancelNotices, emitNotice } from '../../sandbox/events/log';
import { objectOf, type NotificationCatalog } from '../../sandbox/events/types';
import type { ProjectState } from '../../sandbox/project';
import type { Recording } from './state';

const skipped = (what: string) => `The sandbox has no ${what} to report.`;

export const CLOUD_RECORDING_NOTIFICATIONS: NotificationCatalog = {
  id: 'cloud-recording',
  product: 'Cloud Recording',
  productId: 3,
  source: 'shared/notification-center-service/event-types/cloud-recording.mdx',
  events: [
    { eventType: 1, name: 'cloud_recording_error', serviceType: 0, description: 'An error occurred during the recording (module, level, code, message).', whyNot: skipped('recording errors') },
    { eventType: 2, name: 'cloud_recording_warning', serviceType: 0, description: 'A warning occurred during the recording.', whyNot: skipped('recording warnings') },
    { eventType: 3, name: 'cloud_recording_status_update', serviceType: 0, description: 'A call did not match the service status (for example start on a started recording).', whyNot: 'The sandbox answers such calls with their documented error codes instead.' },
    { eventType: 4, name: 'cloud_recording_file_infos', serviceType: 0, description: 'The M3U8 playlist was generated and uploaded for the first time.', whyNot: skipped('playlist uploads') },
    { eventType: 11, name: 'session_exit', serviceType: 0, description: 'The service ended its tasks and exited; exitStatus 0 is a normal exit.', sandbox: 'After stop-recording, and when a recording untouched for an hour is stopped.' },
    { eventType: 12, name: 'session_failover', serviceType: 0, description: 'High availability moved the recording to a new server within 90 s.', whyNot: skipped('servers to fail over between') },
    { eventType: 30, name: 'uploader_started', serviceType: 2, description: 'The upload service started.', sandbox: 'After stop-recording, as in Agora\'s workflow figure.' },
    { eventType: 31, name: 'uploaded', serviceType: 2, description: 'Every recorded file reached your cloud storage; fileList lists them.', sandbox: 'After stop-recording, with the files the stop answer lists.' },
    { eventType: 32, name: 'backuped', serviceType: 2, description: 'Every file is uploaded, at least one to Agora Cloud Backup.', whyNot: 'The sandbox uploads nothing, so nothing falls back to Agora Cloud Backup.' },
    { eventType: 33, name: 'uploading_progress', serviceType: 2, description: 'Upload progress, once a minute (0 to 10,000).', whyNot: skipped('uploads in progress') },
    { eventType: 40, name: 'recorder_started', serviceType: 1, description: 'The recording started.', sandbox: 'Two seconds after start-recording (the guide\'s create-channel too), when query turns to status 5; web page recording sends 70 instead.' },
    { eventType: 41, name: 'recorder_leave', serviceType: 1, description: 'The recorder left the channel; leaveCode is a bit mask of reasons.', sandbox: 'On stop-recording (leaveCode 2, the stop signal) and the one-hour stop (leaveCode 2).' },
    { eventType: 42, name: 'recorder_slice_start', serviceType: 1, description: 'The recording service syncs the start time of the recorded files.', whyNot: skipped('slice files') },
    { eventType: 43, name: 'recorder_audio_stream_state_changed', serviceType: 1, description: 'The recorded audio stream started or stopped arriving.', whyNot: skipped('media streams') },
    { eventType: 44, name: 'recorder_video_stream_state_changed', serviceType: 1, description: 'The recorded video stream started or stopped arriving.', whyNot: skipped('media streams') },
    { eventType: 45, name: 'recorder_snapshot_file', serviceType: 1, description: 'A screenshot was captured and uploaded.', whyNot: skipped('screenshots') },
    { eventType: 60, name: 'vod_started', serviceType: 4, description: 'The ApsaraVideo for VoD uploader started.', whyNot: 'The sandbox has no VoD extension.' },
    { eventType: 61, name: 'vod_triggered', serviceType: 4, description: 'Every file reached ApsaraVideo for VoD.', whyNot: 'As for 60.' },
    { eventType: 70, name: 'web_recorder_started', serviceType: 6, description: 'Web page recording started.', sandbox: 'Two seconds after start-recording in web mode.' },
    { eventType: 71, name: 'web_recorder_stopped', serviceType: 6, description: 'Web page recording stopped; code 0 (`ok`) when you stopped it.', sandbox: 'On stop-recording in web mode.' },
    { eventType: 72, name: 'web_recorder_capability_limit', serviceType: 6, description: 'The page uses a feature web page recording cannot record.', whyNot: 'The sandbox renders no page.' },
    { eventType: 73, name: 'web_recorder_reload', serviceType: 6, description: 'The recorded page reloaded.', whyNot: 'As for 72.' },
    { eventType: 90, name: 'download_failed', serviceType: 8, description: 'The service failed to download recorded files.', whyNot: skipped('downloads') },
    { eventType: 100, name: 'rtmp_publish_status', serviceType: 6, description: 'The CDN push status of a web page recording changed.', whyNot: 'The sandbox reports the push status in query answers only.' },
    { eventType: 1001, name: 'postpone_transcode_final_result', serviceType: 0, description: 'The final result of postponed transcoding.', whyNot: skipped('transcoding') },
  ],
  summary: (payload) => {
    const files = objectOf(payload.details).fileList;
    const count = Array.isArray(files) ? `${files.length} file${files.length === 1 ? '' : 's'}` : undefined;
    return [['sid', payload.sid, true], ['channel', payload.cname], ['uid', payload.uid], ['', count]];
  },
};

/** Spacing of the stop sequence, ms: the events follow one another as a reader would watch them arrive. */
export const STOP_SEQUENCE_STEP_MS = 300;

/** LEAVE_CODE_SIG: the recorder was told to stop. */
const LEAVE_ON_STOP = 2;

const subject = (recording: Recording) => `recording:${recording.sid}`;

/** One notice about a recording; `sequence` counts that recording's notices from 0, as Agora's does. */
function notify(project: ProjectState, recording: Recording, eventType: number, at: number, details: Record<string, unknown>, extra: { cancelKey?: string; origin?: string } = {}): void {
  const sequence = recording.notices ?? 0;
  recording.notices = sequence + 1;
  // msgName and serviceType are the table's, so the payload and the Webhooks page cannot disagree.
  const row = CLOUD_RECORDING_NOTIFICATIONS.events.find((entry) => entry.eventType === eventType)!;
  emitNotice(project, {
    catalog: CLOUD_RECORDING_NOTIFICATIONS,
    eventType,
    at,
    ...extra,
    payload: { cname: recording.cname, uid: recording.uid, sid: recording.sid, sequence, sendts: at, serviceType: row.serviceType ?? 0, details: { msgName: row.name, ...details } },
  });
}

/** The recorder starts recording `startingMs` after start (dropped if it stops before). */
export function recordingStarted(project: ProjectState, recording: Recording, startingMs: number): void {
  const at = recording.startedAt + startingMs;
  if (recording.mode === 'web') notify(project, recording, 70, at, { recorderStartTime: at }, { cancelKey: subject(recording) });
  else notify(project, recording, 40, at, { status: 0 }, { cancelKey: subject(recording) });
}

/**
 * The stop sequence. `files` is what the stop answer lists (empty when nothing was recorded:
 * no upload then, and the exit still follows).
 */
export function recordingStopped(project: ProjectState, recording: Recording, now: number, files: unknown[] | null, origin?: string): void {
  cancelNotices(project, subject(recording), now);
  const extra = origin ? { origin } : {};
  let at = now;
  const next = () => (at += STOP_SEQUENCE_STEP_MS);
  if (recording.mode === 'web') {
    notify(project, recording, 71, at, { code: 0, message: 'ok', details: 'The recording was stopped.', fileList: files ?? [] }, extra);
  } else {
    notify(project, recording, 41, at, { leaveCode: LEAVE_ON_STOP }, extra);
  }
  if (files) {
    notify(project, recording, 30, next(), { status: 0 }, extra);
    // Agora's web page example carries no fileList; the other modes list every file.
    notify(project, recording, 31, next(), recording.mode === 'web' ? { status: 0 } : { fileList: files, status: 0 }, extra);
  }
  notify(project, recording, 11, next(), { exitStatus: 0 }, extra);
}
