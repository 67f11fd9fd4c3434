/**
 * Real-Time STT 7.x as a state machine:
 *   join -> agent_id (RUNNING; its bot joins the channel) -> query / update / list
 *   -> leave, or maxIdleTime seconds without a host (STOPPED; the bot leaves).
 * `name` is unique among the running agents of a channel (409 otherwise, the
 * common-errors page's "task has already been started"); updates need an
 * increasing sequenceId and name their fields in updateMask; list pages by the
 * agent_id of the previous page's last agent. Errors are `{reason, detail}`
 * (dialect.ts); the rules Agora states only in prose are in rules.ts.
 */
import { randomHex } from '../../sandbox/ids';
import { channelFits, joinChannel, numericUid } from '../../sandbox/project';
import type { HandlerContext, OperationHandler, SandboxResult } from '../../sandbox/types';
import { staleSequence } from '../../sandbox/sequence';
import { sttDialect as dialect } from './dialect';
import { agentJoined } from './events';
import { joinProblem, maskValue, parseMask, updateProblem, type MaskField, type Problem } from './rules';
import { BOT_SOURCE, CAPS, STATE_CODES, agentSlice, botUids, channelHasHost, makeRoom, stopAgent, type Agent, type LanguagePair, type UidLanguages } from './state';

/** list's page size when `limit` is absent, as Agora documents. */
export const DEFAULT_LIMIT = 20;
export const DEFAULT_MAX_IDLE_TIME = 30;
/** list's default window: agents created in the last day. */
const DAY_SECONDS = 86_400;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A 26-character id in Agora's agent_id alphabet (upper-case letters and digits, as its example `1NT29X11GQS...`). */
export function agentId(): string {
  const hex = randomHex(17);
  let out = '';
  for (let i = 0; i < 26; i++) out += CROCKFORD[parseInt(hex.slice(i, i + 2), 16) % 32];
  return out;
}

interface JoinBody {
  name: string;
  languages: string[];
  uidLanguagesConfig?: UidLanguages[];
  maxIdleTime?: number;
  keywords?: string[];
  rtcConfig: {
    channelName: string;
    pubBotUid: string;
    subBotUid?: string;
    subscribeAudioUids?: string[];
    unSubscribeAudioUids?: string[];
  };
  translateConfig?: { languages?: LanguagePair[] };
  captionConfig?: { sliceDuration?: number; storage?: { vendor: number; bucket: string } };
}

const invalid = (problem: Problem): SandboxResult => dialect.invalidParameter(problem.field, problem.reason);

const notRunning = (id: string): SandboxResult =>
  dialect.error(404, 'The agent is not found.', 'agentId', `No running agent with id "${id.slice(0, 64)}" exists in this project (it may have stopped). Query it to see its status, or list the agents.`);

function describe(agent: Agent) {
  return { agent_id: agent.id, create_ts: agent.createTs, status: agent.status };
}

const agents = (ctx: HandlerContext) => agentSlice.of(ctx.project).agents;

export const realTimeSttHandlers: OperationHandler[] = [
  {
    operationId: 'start-stt-agent',
    check: (ctx) => {
      const problem = joinProblem(ctx.body);
      if (problem) return invalid(problem);
      const body = ctx.body as JoinBody;
      const { channelName, pubBotUid } = body.rtcConfig;
      const twin = [...agents(ctx).values()].find((agent) => agent.status === 'RUNNING' && agent.channelName === channelName && agent.name === body.name);
      if (twin) {
        return dialect.error(409, 'The task has already been started.', '',
          `An agent named "${body.name}" is already running in channel "${channelName}" (agent_id ${twin.id}). Use it, stop it first, or choose another name.`);
      }
      const user = ctx.project.channels.get(channelName)?.users.get(String(numericUid(pubBotUid)));
      if (user) {
        return dialect.invalidParameter('rtcConfig.pubBotUid',
          `uid ${pubBotUid} is already in channel "${channelName}"${user.source === BOT_SOURCE ? ' (another agent\'s bot)' : ''}; choose a uid nobody else in the channel uses.`);
      }
      const running = [...agents(ctx).values()].filter((agent) => agent.status === 'RUNNING').length;
      if (running >= CAPS.running) {
        return dialect.error(429, 'Too many requests.', '', `The sandbox runs at most ${CAPS.running} agents at once in a project; stop one first.`);
      }
      if (!channelFits(ctx.project, channelName)) {
        return dialect.error(429, 'Too many requests.', '', 'The sandbox channel store is full for this App ID; stop agents or wait for channels to empty.');
      }
      return null;
    },
    handle: (ctx) => {
      const body = ctx.body as JoinBody;
      const state = agentSlice.of(ctx.project);
      makeRoom(state);
      const rtc = body.rtcConfig;
      const storage = body.captionConfig?.storage;
      const agent: Agent = {
        id: agentId(),
        seq: state.nextSeq++,
        name: body.name,
        channelName: rtc.channelName,
        pubBotUid: rtc.pubBotUid,
        ...(rtc.subBotUid !== undefined ? { subBotUid: rtc.subBotUid } : {}),
        languages: body.languages,
        ...(body.uidLanguagesConfig ? { uidLanguagesConfig: body.uidLanguagesConfig } : {}),
        ...(body.keywords ? { keywords: body.keywords } : {}),
        ...(rtc.subscribeAudioUids ? { subscribeAudioUids: rtc.subscribeAudioUids } : {}),
        ...(rtc.unSubscribeAudioUids ? { unSubscribeAudioUids: rtc.unSubscribeAudioUids } : {}),
        translate: { enable: (body.translateConfig?.languages?.length ?? 0) > 0, languages: body.translateConfig?.languages ?? [] },
        // Only where captions go: the storage keys are never stored.
        ...(storage ? { captions: { vendor: storage.vendor, bucket: storage.bucket, sliceDuration: body.captionConfig?.sliceDuration ?? 60 } } : {}),
        maxIdleTime: body.maxIdleTime ?? DEFAULT_MAX_IDLE_TIME,
        createTs: Math.floor(ctx.now / 1000),
        status: 'RUNNING',
        sequenceId: -1,
      };
      state.agents.set(agent.id, agent);
      // The bot publishes text into the channel (a host); a deprecated, distinct subBotUid subscribes (an audience member).
      const join = agent.createTs;
      for (const [index, uid] of botUids(agent).entries()) {
        joinChannel(ctx.project, agent.channelName, { uid, role: index === 0 ? 1 : 2, platform: 6, join, source: BOT_SOURCE }, ctx.now);
      }
      if (!channelHasHost(ctx.project, agent.channelName)) agent.idleSince = ctx.now;
      agentJoined(ctx.project, agent, ctx.now);
      return { status: 200, body: describe(agent) };
    },
  },
  {
    operationId: 'list-stt-agents',
    check: (ctx) => {
      const state = ctx.query.get('state');
      if (state !== null && !(state in STATE_CODES)) {
        return dialect.invalidParameter('state', `must be one status number from 0 to 6 (2 is RUNNING, 4 STOPPED; got "${state.slice(0, 20)}").`);
      }
      const limit = ctx.query.get('limit');
      if (limit !== null && Number(limit) < 1) return dialect.invalidParameter('limit', `must be 1 or more (got ${limit.slice(0, 20)}).`);
      const cursor = ctx.query.get('cursor');
      if (cursor && !agents(ctx).has(cursor)) {
        return dialect.invalidParameter('cursor', 'must be the meta.cursor of an earlier page (the agent_id of its last agent).');
      }
      return null;
    },
    handle: (ctx) => {
      const nowSeconds = Math.floor(ctx.now / 1000);
      const status = STATE_CODES[ctx.query.get('state') ?? '2'];
      const channel = ctx.query.get('channel');
      const from = Number(ctx.query.get('from_time') ?? nowSeconds - DAY_SECONDS);
      const to = Number(ctx.query.get('to_time') ?? nowSeconds);
      const limit = Number(ctx.query.get('limit') ?? DEFAULT_LIMIT);
      const matching = [...agents(ctx).values()]
        .filter((agent) => agent.status === status && (!channel || agent.channelName === channel) && agent.createTs >= from && agent.createTs <= to)
        .sort((a, b) => a.seq - b.seq);
      const cursor = ctx.query.get('cursor');
      const after = cursor ? agents(ctx).get(cursor)!.seq : 0;
      const rest = matching.filter((agent) => agent.seq > after);
      const page = rest.slice(0, limit);
      return {
        status: 200,
        body: {
          data: { count: page.length, list: page.map((agent) => ({ agent_id: agent.id, start_ts: agent.createTs, status: agent.status })) },
          meta: { cursor: rest.length > limit ? page[page.length - 1].id : '', total: matching.length },
          status: 'ok',
        },
      };
    },
  },
  {
    operationId: 'query-stt-agent',
    handle: (ctx) => {
      const agent = agents(ctx).get(ctx.params.agentId);
      if (!agent) {
        // query fails in its own shape: message and status FAILED (Agora's AgentErrorResponse).
        return { status: 404, body: { message: `No agent with id ${ctx.params.agentId.slice(0, 64)} exists in this project (a stopped agent is kept for an hour).`, agent_id: ctx.params.agentId.slice(0, 64), status: 'FAILED' } };
      }
      const message = agent.status === 'RUNNING' ? 'The agent is running.' : `The agent stopped: ${agent.stopMessage ?? 'OK'}.`;
      return { status: 200, body: { message, ...describe(agent) } };
    },
  },
  {
    operationId: 'update-stt-agent',
    check: (ctx) => {
      const mask = parseMask(ctx.query.get('updateMask'));
      if (!Array.isArray(mask)) return invalid(mask);
      const problem = updateProblem(ctx.body, mask);
      return problem ? invalid(problem) : null;
    },
    handle: (ctx) => {
      const agent = agents(ctx).get(ctx.params.agentId);
      if (!agent || agent.status !== 'RUNNING') return notRunning(ctx.params.agentId);
      const sequenceId = Number(ctx.query.get('sequenceId'));
      const stale = staleSequence(sequenceId, agent.sequenceId, ctx.query.get('sequenceId') ?? '');
      if (stale) return dialect.invalidParameter('sequenceId', stale);
      // check() has refused a mask that does not parse, so this is the list of fields.
      const mask = parseMask(ctx.query.get('updateMask')) as MaskField[];
      const next = (path: MaskField) => maskValue(ctx.body, path);
      const enable = mask.includes('translateConfig.enable') ? (next('translateConfig.enable') as boolean) : agent.translate.enable;
      const pairs = mask.includes('translateConfig.languages') ? (next('translateConfig.languages') as LanguagePair[]) : agent.translate.languages;
      if (enable && pairs.length === 0) {
        return dialect.invalidParameter('translateConfig.languages', 'is needed to turn translation on: the agent has no language pairs yet.');
      }
      agent.sequenceId = sequenceId;
      if (mask.includes('languages')) agent.languages = next('languages') as string[];
      if (mask.includes('keywords')) agent.keywords = next('keywords') as string[];
      if (mask.includes('uidLanguagesConfig')) agent.uidLanguagesConfig = next('uidLanguagesConfig') as UidLanguages[];
      if (mask.includes('rtcConfig.subscribeAudioUids')) {
        // Subscribing to a list replaces the agent's exclusions: the two lists exclude each other.
        agent.subscribeAudioUids = next('rtcConfig.subscribeAudioUids') as string[];
        delete agent.unSubscribeAudioUids;
      }
      agent.translate = { enable, languages: pairs };
      return { status: 200, body: describe(agent) };
    },
  },
  {
    operationId: 'stop-stt-agent',
    handle: (ctx) => {
      const agent = agents(ctx).get(ctx.params.agentId);
      if (!agent || agent.status !== 'RUNNING') return notRunning(ctx.params.agentId);
      stopAgent(ctx.project, agent, 'OK', ctx.now);
      return { status: 200, body: {} };
    },
  },
];

/** What the sandbox keeps of an agent (for tests): never a key or token. */
export function agentOf(ctx: Pick<HandlerContext, 'project'>, id: string): Agent | undefined {
  return agentSlice.of(ctx.project).agents.get(id);
}
