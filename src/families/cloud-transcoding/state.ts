/**
 * Cloud Transcoding's slice of a sandbox project: builder tokens waiting for a
 * create, running transcoding tasks and multi-bitrate templates. Capped and
 * expiring like every slice.
 */
import { defineSlice } from '../../sandbox/family';
import { leaveChannel, userKey, type ProjectState } from '../../sandbox/project';
import type { Transcoder } from './rules';

/** Caps per App ID. */
export const CAPS = {
  /** Unused builder tokens kept at once; the oldest goes first past it. */
  tokens: 200,
  /** Running tasks: the largest total of Agora's workload table (Mainland China and Asia, 20). */
  tasks: 20,
  /** Multi-bitrate templates (the sandbox's bound; Agora documents none). */
  templates: 20,
} as const;

/** Lifetimes, ms. */
export const TTL = {
  /** A builder token must be used by create within 5 minutes. */
  token: 5 * 60_000,
} as const;

/** A task answers `STARTED` (service `serviceReady`) for this long after create, then `IN_PROGRESS`. */
export const STARTING_MS = 2000;

export interface BuilderToken {
  tokenName: string;
  instanceId: string;
  createTs: number;
  expiresAt: number;
}

export interface TranscodingTask {
  taskId: string;
  instanceId: string;
  /** The builder token that created it; every call on the task passes it. */
  tokenName: string;
  createTs: number;
  createdAt: number;
  config: Transcoder;
  /** Last accepted update's sequenceId; -1 before the first update. */
  sequence: number;
  /** Since when none of its input hosts is in the channel (ms); absent while one is. */
  idleSince?: number;
}

export interface Template {
  id: string;
  enabled: boolean;
  video: { width: number; height: number; fps: number };
}

export interface TranscodingState {
  tokens: Map<string, BuilderToken>;
  tasks: Map<string, TranscodingTask>;
  templates: Map<string, Template>;
}

/**
 * Whether a host the task subscribes to is in its channel. Agora: idle means that
 * every host whose streams the transcoder processes has left the channel; a CDN
 * input (no `rtc`) never makes it idle.
 */
export function hasInput(project: ProjectState, config: Transcoder): boolean {
  const inputs = [...(config.audioInputs ?? []), ...(config.videoInputs ?? [])];
  if (inputs.some((input) => !input.rtc)) return true;
  return inputs.some((input) => {
    const user = project.channels.get(input.rtc!.rtcChannel)?.users.get(userKey(input.rtc!.rtcUid));
    return user !== undefined && user.role === 1;
  });
}

/** Start or clear the idle clock from who is in the channels now. */
export function markIdle(project: ProjectState, task: TranscodingTask, now: number): void {
  if (hasInput(project, task.config)) delete task.idleSince;
  else task.idleSince ??= now;
}

const idleEnd = (task: TranscodingTask): number | undefined =>
  task.idleSince === undefined ? undefined : task.idleSince + (task.config.idleTimeout ?? 300) * 1000;

export const transcodingSlice = defineSlice<TranscodingState>('cloud-transcoding', {
  create: () => ({ tokens: new Map(), tasks: new Map(), templates: new Map() }),
  sweep: (state, project, now) => {
    for (const [name, token] of state.tokens) {
      if (token.expiresAt <= now) state.tokens.delete(name);
    }
    for (const [id, task] of state.tasks) {
      markIdle(project, task, now);
      const end = idleEnd(task);
      if (end !== undefined && end <= now) endTask(project, id, end);
    }
  },
  wakeAt: (state) => {
    let next: number | undefined;
    for (const task of state.tasks.values()) {
      const end = idleEnd(task);
      if (end !== undefined && (next === undefined || end < next)) next = end;
    }
    return next;
  },
});

/** The output channels a task publishes into (one, by Agora's rule). */
export function outputUsers(task: TranscodingTask): Array<{ channel: string; uid: number }> {
  return task.config.outputs.map((output) => ({ channel: output.rtc.rtcChannel, uid: output.rtc.rtcUid }));
}

/** Stop a task: its output uid leaves the channel and the task is forgotten. */
export function endTask(project: ProjectState, taskId: string, now: number): TranscodingTask | undefined {
  const { tasks } = transcodingSlice.of(project);
  const task = tasks.get(taskId);
  if (!task) return undefined;
  tasks.delete(taskId);
  for (const { channel, uid } of outputUsers(task)) leaveChannel(project, channel, uid, now);
  return task;
}
