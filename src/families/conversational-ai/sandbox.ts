/**
 * Conversational AI agents, following Agora's API reference and status-code page:
 * join answers RUNNING and puts the agent into its channel as `agent_rtc_uid`;
 * a name is unique among the project's running agents (409 TaskConflict naming
 * the running agent's id); at most the catalog's `concurrentTasks` agents run
 * (422 ConcurrencyLimitExceeded); an agent with no `remote_rtc_uids` user in its
 * channel leaves after `idle_timeout` seconds (state.ts); leave, update, speak,
 * interrupt, think and history need a running agent (404 TaskNotFound), while
 * query, list and turns also see stopped ones. No model runs: the greeting, speak
 * and think only fill the history and the turns.
 */
import { assignedUid, randomHex } from '../../sandbox/ids';
import { channelFits, joinChannel, userKey } from '../../sandbox/project';
import type { HandlerContext, OperationHandler, SandboxResult } from '../../sandbox/types';
import { caiError } from './dialect';
import { agentJoined } from './events';
import {
  agentSlice,
  CAPS,
  channelUid,
  STATUS_NUMBER,
  stopAgent,
  userPresent,
  type Agent,
  type AgentStatus,
  type Turn,
} from './state';

/** Agora's default for `llm.max_history`. */
export const DEFAULT_MAX_HISTORY = 32;
/** Agora's default for `idle_timeout`, seconds. */
export const DEFAULT_IDLE_TIMEOUT = 30;
/** The default window of list: agents started in the last two hours. */
export const LIST_WINDOW_S = 2 * 60 * 60;
/** speak's `text` limit, bytes. */
export const SPEAK_MAX_BYTES = 512;
/** greeting_audio_url's limit, bytes. */
export const AUDIO_URL_MAX_BYTES = 2048;
/** The sandbox's stand-in for how long a spoken message plays: ms per character, at least a second. */
export const PLAYBACK_MS_PER_CHAR = 60;

const UINT32_MAX = 4_294_967_295;

interface JoinBody {
  name: string;
  properties: {
    channel: string;
    token?: string;
    agent_rtc_uid: string;
    remote_rtc_uids: string[];
    enable_string_uid?: boolean;
    idle_timeout?: number;
    labels?: Record<string, unknown>;
    llm?: Record<string, unknown> & { greeting_message?: string; greeting_audio_url?: string; max_history?: number };
    mllm?: { enable?: boolean };
  };
}

const encoder = new TextEncoder();
const bytes = (text: string): number => encoder.encode(text).length;

/** Agora-like agent ids: 24 uppercase letters and digits. */
function agentId(): string {
  return randomHex(12).toUpperCase();
}

function describeUid(uid: string, stringUid: boolean): string | null {
  if (stringUid) return uid === '' ? 'must not be empty.' : null;
  return /^\d{1,10}$/.test(uid) && Number(uid) <= UINT32_MAX ? null : `must be an integer from 0 to ${UINT32_MAX} written as a string, unless enable_string_uid is true (got "${uid.slice(0, 64)}").`;
}

const notFound = (id: string): SandboxResult =>
  caiError(404, 'TaskNotFound', `agent ${id.slice(0, 64)} not found or has exited: it never started, was stopped or left on its own. List the agents to see which are running.`);

/** The agent, when it exists and (unless `stoppedToo`) is running. */
function findAgent(ctx: HandlerContext, stoppedToo = false): Agent | undefined {
  const agent = agentSlice.of(ctx.project).agents.get(ctx.params.agentId);
  return agent && (stoppedToo || agent.status === 'RUNNING') ? agent : undefined;
}

const info = (agent: Agent) => ({ agent_id: agent.id, channel: agent.channel, start_ts: agent.startTs });

function addHistory(agent: Agent, role: 'user' | 'assistant', content: string): void {
  agent.history.push({ role, content });
  if (agent.history.length > CAPS.history) agent.history.splice(0, agent.history.length - CAPS.history);
}

/** A turn the agent speaks (`text`), starting now and ending when it would have played. */
function addTurn(agent: Agent, type: Turn['start']['type'], metadata: Record<string, unknown>, text: string, now: number): void {
  const turn: Turn = {
    turn_id: agent.nextTurn++,
    start: { start_at: now, type, metadata },
    end: { end_at: now + Math.max(1000, text.length * PLAYBACK_MS_PER_CHAR), type: 'ok' },
  };
  agent.turns.push(turn);
  if (agent.turns.length > CAPS.turns) agent.turns.splice(0, agent.turns.length - CAPS.turns);
}

function checkJoin(ctx: HandlerContext): SandboxResult | null {
  const { name, properties } = ctx.body as JoinBody;
  const stringUid = properties.enable_string_uid === true;
  const uidProblem = describeUid(properties.agent_rtc_uid, stringUid);
  if (uidProblem) return caiError(400, 'InvalidFieldValue', `properties.agent_rtc_uid: ${uidProblem}`);
  if (properties.remote_rtc_uids.length !== 1) {
    return caiError(400, 'InvalidFieldValue', `properties.remote_rtc_uids: give exactly one user id; an agent talks with one user for now (got ${properties.remote_rtc_uids.length}).`);
  }
  const remoteProblem = describeUid(properties.remote_rtc_uids[0], stringUid);
  if (remoteProblem) return caiError(400, 'InvalidFieldValue', `properties.remote_rtc_uids[0]: ${remoteProblem}`);
  const audioUrl = properties.llm?.greeting_audio_url;
  if (audioUrl !== undefined) {
    if (!/^https?:\/\/\S+$/.test(audioUrl) || bytes(audioUrl) > AUDIO_URL_MAX_BYTES) {
      return caiError(400, 'InvalidFieldValue', `properties.llm.greeting_audio_url: must be an http:// or https:// URL of at most ${AUDIO_URL_MAX_BYTES} bytes.`);
    }
    if (!properties.llm?.greeting_message) {
      return caiError(400, 'MissingRequiredField', 'properties.llm.greeting_message: is required with greeting_audio_url, as the fallback when the recording cannot be played.');
    }
  }
  const agents = [...agentSlice.of(ctx.project).agents.values()].filter((agent) => agent.status === 'RUNNING');
  const namesake = agents.find((agent) => agent.name === name);
  if (namesake) {
    return caiError(409, 'TaskConflict', `task conflict: an agent named "${name}" is already running as agent_id ${namesake.id}. Use it, stop it with leave, or choose another name.`);
  }
  const limit = ctx.operation.limits.concurrentTasks ?? 20;
  if (agents.length >= limit) {
    return caiError(422, 'ConcurrencyLimitExceeded', `at most ${limit} agents run at the same time in this project; stop one with leave (or wait for one to leave) and try again.`);
  }
  const uid = properties.agent_rtc_uid;
  if (uid !== '0' && ctx.project.channels.get(properties.channel)?.users.has(userKey(channelUid(uid)))) {
    return caiError(400, 'InvalidFieldValue', `properties.agent_rtc_uid: uid ${uid.slice(0, 64)} is already in channel ${properties.channel}; every uid in a channel must be unique.`);
  }
  if (!channelFits(ctx.project, properties.channel)) {
    return caiError(503, 'ServiceUnavailable', 'The sandbox channel store is full for this App ID; stop agents or wait for channels to empty.');
  }
  return null;
}

function startAgent(ctx: HandlerContext): SandboxResult {
  const { name, properties } = ctx.body as JoinBody;
  const state = agentSlice.of(ctx.project);
  const stringUid = properties.enable_string_uid === true;
  const uid = properties.agent_rtc_uid === '0' ? String(assignedUid()) : properties.agent_rtc_uid;
  const agent: Agent = {
    id: agentId(),
    name,
    seq: state.nextSeq++,
    channel: properties.channel,
    uid,
    remoteUids: properties.remote_rtc_uids,
    stringUid,
    idleTimeout: properties.idle_timeout ?? DEFAULT_IDLE_TIMEOUT,
    startTs: Math.floor(ctx.now / 1000),
    status: 'RUNNING',
    message: '',
    maxHistory: properties.llm?.max_history ?? DEFAULT_MAX_HISTORY,
    history: [],
    turns: [],
    nextTurn: 1,
    ...(properties.labels ? { labels: properties.labels } : {}),
    mllm: properties.mllm?.enable === true,
    hasToken: Boolean(properties.token),
  };
  state.agents.set(agent.id, agent);
  joinChannel(
    ctx.project,
    agent.channel,
    { uid: channelUid(uid), ...(stringUid ? { account: uid } : {}), role: 1, platform: 6, join: agent.startTs, source: 'conversational-ai' },
    ctx.now,
  );
  agentJoined(ctx.project, agent, ctx.now);
  // The agent greets the user when the user is there; with nobody there its idle timer runs (state.ts).
  const greeting = properties.llm?.greeting_message;
  if (userPresent(ctx.project, agent)) {
    if (greeting) {
      addHistory(agent, 'assistant', greeting);
      addTurn(agent, 'greeting', { greeting_nth: 1 }, greeting, ctx.now);
    }
  } else {
    agent.idleSince = ctx.now;
  }
  return { status: 200, body: { agent_id: agent.id, create_ts: agent.startTs, status: agent.status } };
}

/** list's `state`: the status numbers asked for (default 2, running). */
function wantedStatuses(text: string | null): Set<number> {
  return new Set((text || '2').split(',').map(Number));
}

function positive(ctx: HandlerContext, name: string): SandboxResult | null {
  const text = ctx.query.get(name);
  if (text === null || text === '') return null;
  return Number(text) >= 1 ? null : caiError(400, 'InvalidFieldValue', `${name}: must be 1 or more (got ${text.slice(0, 20)}).`);
}

export const conversationalAiHandlers: OperationHandler[] = [
  { operationId: 'start-agent', check: checkJoin, handle: startAgent },
  {
    operationId: 'stop-agent',
    handle: (ctx) => {
      const agent = findAgent(ctx);
      if (!agent) return notFound(ctx.params.agentId);
      stopAgent(ctx.project, agent, ctx.now, 'OK');
      return { status: 200, body: {} };
    },
  },
  {
    operationId: 'agent-update',
    handle: (ctx) => {
      const agent = findAgent(ctx);
      if (!agent) return notFound(ctx.params.agentId);
      const changes = (ctx.body as { properties?: { token?: string; llm?: Record<string, unknown> } } | undefined)?.properties;
      if (changes?.token) agent.hasToken = true;
      // Each given key replaces the old value whole (Agora: send the complete `params`).
      if (changes?.llm) agent.llm = { ...agent.llm, ...changes.llm };
      return { status: 200, body: { agent_id: agent.id, create_ts: agent.startTs, status: agent.status } };
    },
  },
  {
    operationId: 'query-agent-status',
    handle: (ctx) => {
      const agent = findAgent(ctx, true);
      if (!agent) return notFound(ctx.params.agentId);
      return {
        status: 200,
        body: {
          agent_id: agent.id,
          name: agent.name,
          start_ts: agent.startTs,
          ...(agent.stopTs !== undefined ? { stop_ts: agent.stopTs } : {}),
          status: agent.status,
          message: agent.message,
        },
      };
    },
  },
  {
    operationId: 'get-agent-list',
    check: (ctx) => {
      const limitProblem = positive(ctx, 'limit');
      if (limitProblem) return limitProblem;
      const cursor = ctx.query.get('cursor');
      if (cursor && !agentSlice.of(ctx.project).agents.has(cursor)) {
        return caiError(400, 'InvalidFieldValue', `cursor: "${cursor.slice(0, 64)}" is not an agent of this project; pass the meta.cursor of the previous page.`);
      }
      return null;
    },
    handle: (ctx) => {
      const nowS = Math.floor(ctx.now / 1000);
      const from = Number(ctx.query.get('from_time') || nowS - LIST_WINDOW_S);
      const to = Number(ctx.query.get('to_time') || nowS);
      const channel = ctx.query.get('channel');
      const statuses = wantedStatuses(ctx.query.get('state'));
      const limit = Number(ctx.query.get('limit') || 20);
      const matching = [...agentSlice.of(ctx.project).agents.values()]
        .filter((agent) => (!channel || agent.channel === channel) && agent.startTs >= from && agent.startTs <= to && statuses.has(STATUS_NUMBER[agent.status as AgentStatus]))
        .sort((a, b) => b.seq - a.seq);
      // The cursor is the agent_id the page starts at, so stopping an agent never breaks paging.
      const cursor = ctx.query.get('cursor');
      const startSeq = cursor ? agentSlice.of(ctx.project).agents.get(cursor)!.seq : Infinity;
      const rest = matching.filter((agent) => agent.seq <= startSeq);
      const page = rest.slice(0, limit);
      return {
        status: 200,
        body: {
          data: { count: page.length, list: page.map((agent) => ({ agent_id: agent.id, start_ts: agent.startTs, status: agent.status })) },
          meta: { cursor: rest[limit]?.id ?? '', total: matching.length },
          status: 'ok',
        },
      };
    },
  },
  {
    operationId: 'agent-speak',
    handle: (ctx) => {
      const agent = findAgent(ctx);
      if (!agent) return notFound(ctx.params.agentId);
      const { text } = ctx.body as { text: string };
      if (agent.mllm) return caiError(400, 'InvalidFieldValue', 'speak is not supported for an agent built on mllm; it answers only through its multimodal model.');
      if (bytes(text) > SPEAK_MAX_BYTES) return caiError(400, 'InvalidFieldValue', `text: must be at most ${SPEAK_MAX_BYTES} bytes (got ${bytes(text)}).`);
      addHistory(agent, 'assistant', text);
      addTurn(agent, 'api_speak', { transport: 'http' }, text, ctx.now);
      return { status: 200, body: info(agent) };
    },
  },
  {
    operationId: 'agent-interrupt',
    handle: (ctx) => {
      const agent = findAgent(ctx);
      if (!agent) return notFound(ctx.params.agentId);
      const last = agent.turns[agent.turns.length - 1];
      // Only a turn still playing is cut off; a finished one stays `ok`.
      if (last && last.end.type === 'ok' && last.end.end_at > ctx.now) {
        last.end = { end_at: ctx.now, type: 'interrupted', metadata: { caused_by: 'api_interrupt', transport: 'http' } };
      }
      return { status: 200, body: info(agent) };
    },
  },
  {
    operationId: 'agent-think',
    handle: (ctx) => {
      const agent = findAgent(ctx);
      if (!agent) return notFound(ctx.params.agentId);
      addHistory(agent, 'user', (ctx.body as { text: string }).text);
      return { status: 200, body: info(agent) };
    },
  },
  {
    operationId: 'get-history',
    handle: (ctx) => {
      const agent = findAgent(ctx);
      if (!agent) return notFound(ctx.params.agentId);
      return { status: 200, body: { agent_id: agent.id, start_ts: agent.startTs, status: agent.status, contents: agent.history.slice(-agent.maxHistory) } };
    },
  },
  {
    operationId: 'get-turns',
    check: (ctx) => positive(ctx, 'page_index') ?? positive(ctx, 'page_size'),
    handle: (ctx) => {
      const agent = findAgent(ctx, true);
      if (!agent) return notFound(ctx.params.agentId);
      const index = Number(ctx.query.get('page_index') || 1);
      const size = Number(ctx.query.get('page_size') || 50);
      const totalPages = Math.max(1, Math.ceil(agent.turns.length / size));
      const page = agent.turns.slice((index - 1) * size, index * size);
      return {
        status: 200,
        body: {
          agent_id: agent.id,
          name: agent.name,
          channel: agent.channel,
          total_turn_count: agent.nextTurn - 1,
          pagination: { page_index: index, total_pages: totalPages, is_last_page: index >= totalPages },
          turns: page.map((turn) => ({ agent_id: agent.id, channel: agent.channel, ...turn })),
        },
      };
    },
  },
];
