/**
 * Cloud Transcoding as a state machine:
 *   acquire -> builderToken (valid 5 minutes, one task) -> create -> taskId
 *   (STARTED, then IN_PROGRESS) -> query / update (ordered by sequenceId) -> delete.
 * The output uid publishes into its channel, so channel management sees it; the
 * task is destroyed after `idleTimeout` seconds without any of its input hosts
 * in their channels (state.ts). Errors are `{message}` bodies (dialect.ts); the
 * rules Agora states only in prose are in rules.ts.
 */
import { hexId, randomHex } from '../../sandbox/ids';
import { channelFits, joinChannel } from '../../sandbox/project';
import { staleSequence } from '../../sandbox/sequence';
import type { HandlerContext, OperationHandler, SandboxResult } from '../../sandbox/types';
import { cloudTranscodingDialect as dialect, templateError } from './dialect';
import { configProblem, definitionOf, transcoderOf, updateProblem, WORKLOAD, type Problem } from './rules';
import { CAPS, STARTING_MS, TTL, endTask, markIdle, transcodingSlice, type TranscodingTask } from './state';

/** What Agora reports while a task starts, runs and after it stops. */
const PHASES = {
  starting: { status: 'STARTED', service: 'serviceReady', message: '' },
  running: { status: 'IN_PROGRESS', service: 'serviceInProgress', message: 'OnSlaveServiceQueryUpdated' },
  stopped: { status: 'STOPPED', service: 'serviceCompleted', message: 'OnSlaveServiceStopped' },
} as const;

const invalid = (problem: Problem): SandboxResult => dialect.invalidParameter(problem.field, problem.reason);

const notFound = (taskId: string): SandboxResult =>
  dialect.error(404, 'Transcoder not found.', 'taskId', `no running task "${taskId.slice(0, 64)}" (deleted, stopped after its idleTimeout, or never created).`);

function describe(task: TranscodingTask, phase: keyof typeof PHASES) {
  const { status, service, message } = PHASES[phase];
  return {
    taskId: task.taskId,
    createTs: task.createTs,
    status,
    sequenceId: String(Math.max(0, task.sequence)),
    services: {
      cloudTranscoder: { serviceType: 'cloudTranscoderV2', status: service, message, createTs: task.createTs, config: {}, details: {} },
    },
    eventHandlers: {},
    execution: { workflows: {} },
    properties: {},
    variables: {},
    workflows: {},
  };
}

/** The task a path names, checked against the builderToken that created it. */
function findTask(ctx: HandlerContext): TranscodingTask | SandboxResult {
  const task = transcodingSlice.of(ctx.project).tasks.get(ctx.params.taskId);
  if (!task) return notFound(ctx.params.taskId);
  if (ctx.query.get('builderToken') !== task.tokenName) {
    return dialect.invalidParameter('builderToken', 'is not the token that created this task; a builder token serves one task, so pass the one create used.');
  }
  return task;
}

const isTask = (value: TranscodingTask | SandboxResult): value is TranscodingTask => 'taskId' in value;

/** The workload row: tasks of the new task's resolution class, and in all. */
function overWorkload(ctx: HandlerContext, config: ReturnType<typeof transcoderOf>): string | null {
  const tasks = [...transcodingSlice.of(ctx.project).tasks.values()];
  const total = Math.min(ctx.operation.limits.concurrentTasks ?? CAPS.tasks, WORKLOAD.total);
  if (tasks.length >= total) return `At most ${total} transcoding tasks run at once. Delete one first.`;
  const definition = definitionOf(config);
  const same = tasks.filter((task) => definitionOf(task.config) === definition).length;
  if (same >= WORKLOAD[definition]) return `At most ${WORKLOAD[definition]} ${definition} transcoding tasks run at once. Delete one first.`;
  return null;
}

export const cloudTranscodingHandlers: OperationHandler[] = [
  {
    operationId: 'acquire-cloud-transcoding-builder-token',
    check: (ctx) => {
      const problem = configProblem(transcoderOf(ctx.body));
      return problem ? invalid(problem) : null;
    },
    handle: (ctx) => {
      const { instanceId } = ctx.body as { instanceId: string };
      const { tokens } = transcodingSlice.of(ctx.project);
      // Unused tokens live 5 minutes; under a flood the oldest go first.
      while (tokens.size >= CAPS.tokens) tokens.delete(tokens.keys().next().value as string);
      const token = { tokenName: randomHex(24), instanceId, createTs: Math.floor(ctx.now / 1000), expiresAt: ctx.now + TTL.token };
      tokens.set(token.tokenName, token);
      return { status: 200, body: { createTs: token.createTs, instanceId, tokenName: token.tokenName } };
    },
  },
  {
    operationId: 'create-cloud-transcoding-task',
    check: (ctx) => {
      const state = transcodingSlice.of(ctx.project);
      const tokenName = ctx.query.get('builderToken') ?? '';
      const used = [...state.tasks.values()].find((task) => task.tokenName === tokenName);
      const token = state.tokens.get(tokenName);
      const instanceId = used?.instanceId ?? token?.instanceId;
      if (instanceId === undefined) {
        return dialect.invalidParameter('builderToken', 'is unknown or expired: a token is valid for create for 5 minutes. Acquire a new one and create right after.');
      }
      if ([...state.tasks.values()].some((task) => task.instanceId === instanceId)) {
        return dialect.error(409, `A transcoder with instanceId "${instanceId}" already exists.`, '', 'Delete it first to create a new one, or keep using it.');
      }
      const config = transcoderOf(ctx.body);
      const problem = configProblem(config);
      if (problem) return invalid(problem);
      const over = overWorkload(ctx, config);
      if (over) return dialect.error(429, 'Concurrent transcoding limit reached.', '', over);
      if (!channelFits(ctx.project, config.outputs[0].rtc.rtcChannel)) {
        return dialect.error(429, 'No available resources.', '', 'The sandbox channel store is full for this App ID; delete tasks or wait for channels to empty.');
      }
      return null;
    },
    handle: (ctx) => {
      const state = transcodingSlice.of(ctx.project);
      const token = state.tokens.get(ctx.query.get('builderToken')!)!;
      state.tokens.delete(token.tokenName);
      const config = transcoderOf(ctx.body);
      const task: TranscodingTask = {
        taskId: hexId(),
        instanceId: token.instanceId,
        tokenName: token.tokenName,
        createTs: Math.floor(ctx.now / 1000),
        createdAt: ctx.now,
        config,
        sequence: -1,
      };
      state.tasks.set(task.taskId, task);
      const output = config.outputs[0].rtc;
      joinChannel(ctx.project, output.rtcChannel, { uid: output.rtcUid, role: 1, platform: 6, join: task.createTs, source: 'transcoder' }, ctx.now);
      markIdle(ctx.project, task, ctx.now);
      return { status: 200, body: describe(task, 'starting') };
    },
  },
  {
    operationId: 'query-cloud-transcoding-task',
    handle: (ctx) => {
      const task = findTask(ctx);
      if (!isTask(task)) return task;
      return { status: 200, body: describe(task, ctx.now - task.createdAt < STARTING_MS ? 'starting' : 'running') };
    },
  },
  {
    operationId: 'update-cloud-transcoding-task',
    check: (ctx) => {
      const problem = configProblem(transcoderOf(ctx.body));
      return problem ? invalid(problem) : null;
    },
    handle: (ctx) => {
      const task = findTask(ctx);
      if (!isTask(task)) return task;
      const sent = ctx.query.get('sequenceId') ?? '';
      const stale = staleSequence(Number(sent), task.sequence, sent);
      if (stale) return dialect.invalidParameter('sequenceId', stale);
      const config = transcoderOf(ctx.body);
      const problem = updateProblem(task.config, config);
      if (problem) return invalid(problem);
      task.sequence = Number(sent);
      task.config = config;
      markIdle(ctx.project, task, ctx.now);
      return { status: 200, body: {} };
    },
  },
  {
    operationId: 'destroy-cloud-transcoding-task',
    handle: (ctx) => {
      const task = findTask(ctx);
      if (!isTask(task)) return task;
      endTask(ctx.project, task.taskId, ctx.now);
      return { status: 200, body: describe(task, 'stopped') };
    },
  },
  {
    operationId: 'create-or-update-transcoding-template',
    check: (ctx) => {
      const { templates } = transcodingSlice.of(ctx.project);
      if (!templates.has(ctx.params.codecId) && templates.size >= CAPS.templates) {
        return templateError(dialect.invalidParameter('codecId', `a project keeps at most ${CAPS.templates} templates in the sandbox; update an existing codecId instead.`));
      }
      return null;
    },
    handle: (ctx) => {
      const { enabled, video } = ctx.body as { enabled: boolean; video: { width: number; height: number; fps: number } };
      const { templates } = transcodingSlice.of(ctx.project);
      templates.set(ctx.params.codecId, { id: ctx.params.codecId, enabled, video: { width: video.width, height: video.height, fps: video.fps } });
      return { status: 200, body: { status: 'success' } };
    },
  },
  {
    operationId: 'query-transcoding-templates',
    handle: (ctx) => {
      const codecs = [...transcodingSlice.of(ctx.project).templates.values()];
      return { status: 200, body: { status: 'success', data: { enabled: codecs.some((codec) => codec.enabled), codecs } } };
    },
  },
];
