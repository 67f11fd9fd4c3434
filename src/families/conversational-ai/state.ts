/**
 * Conversational AI's slice of a sandbox project: its agents, running and
 * stopped. A stopped agent is kept (capped) so it can still be queried and
 * listed with its stop time and reason, as at Agora.
 */
import { defineSlice } from '../../sandbox/family';
import { leaveChannel, numericUid, userKey, type ProjectState } from '../../sandbox/project';
import { agentLeft } from './events';

/** Caps per App ID. */
export const CAPS = {
  /** Stopped agents remembered for query and list; the oldest is forgotten first. */
  stopped: 100,
  /** Messages kept per agent whatever `llm.max_history` says. */
  history: 200,
  /** Turns kept per agent. */
  turns: 200,
} as const;

/** Agora stops every agent after 72 hours, whatever its idle_timeout (ms). */
export const MAX_LIFETIME_MS = 72 * 60 * 60_000;

export type AgentStatus = 'IDLE' | 'STARTING' | 'RUNNING' | 'STOPPING' | 'STOPPED' | 'FAILED';

/** Agora's numbers for the statuses (list's `state` filter). */
export const STATUS_NUMBER: Record<AgentStatus, number> = { IDLE: 0, STARTING: 1, RUNNING: 2, STOPPING: 3, STOPPED: 4, FAILED: 6 };

export interface HistoryEntry {
  role: 'user' | 'assistant';
  content: string;
}

export interface Turn {
  turn_id: number;
  start: { start_at: number; type: 'greeting' | 'api_speak'; metadata: Record<string, unknown> };
  end: { end_at: number; type: 'ok' | 'interrupted'; metadata?: Record<string, unknown> };
}

export interface Agent {
  id: string;
  name: string;
  /** Creation order within the project; list pages newest first by it. */
  seq: number;
  channel: string;
  /** The agent's uid as given (a string, or the assigned number for "0"). */
  uid: string;
  remoteUids: string[];
  stringUid: boolean;
  idleTimeout: number;
  /** Epoch seconds. */
  startTs: number;
  stopTs?: number;
  status: AgentStatus;
  /** Why it stopped (`OK`, `Idle for too long`, `Task lifetime limit exceeded`). */
  message: string;
  /** When the idle timer started (ms): no user of `remoteUids` was in the channel since then. */
  idleSince?: number;
  maxHistory: number;
  history: HistoryEntry[];
  turns: Turn[];
  nextTurn: number;
  labels?: Record<string, unknown>;
  /** Built on a multimodal model (`mllm.enable`): speak is refused. */
  mllm: boolean;
  llm?: Record<string, unknown>;
  /** Whether a token is held (the sandbox keeps no secret values). */
  hasToken: boolean;
}

export interface AgentState {
  agents: Map<string, Agent>;
  nextSeq: number;
}

export const agentSlice = defineSlice<AgentState>('conversational-ai', {
  create: () => ({ agents: new Map(), nextSeq: 1 }),
  sweep: (state, project, now) => {
    for (const agent of state.agents.values()) {
      if (agent.status !== 'RUNNING') continue;
      if (now >= agent.startTs * 1000 + MAX_LIFETIME_MS) {
        stopAgent(project, agent, agent.startTs * 1000 + MAX_LIFETIME_MS, 'Task lifetime limit exceeded');
        continue;
      }
      if (userPresent(project, agent)) {
        agent.idleSince = undefined;
        continue;
      }
      agent.idleSince ??= now;
      const due = idleDue(agent);
      if (due !== undefined && now >= due) stopAgent(project, agent, due, 'Idle for too long');
    }
  },
  // The next idle timeout or lifetime end, so its notices go out when it happens.
  wakeAt: (state) => {
    let next: number | undefined;
    for (const agent of state.agents.values()) {
      if (agent.status !== 'RUNNING') continue;
      for (const at of [idleDue(agent), agent.startTs * 1000 + MAX_LIFETIME_MS]) {
        if (at !== undefined && (next === undefined || at < next)) next = at;
      }
    }
    return next;
  },
});

/** When an idle agent leaves (ms), or undefined while a user is there or idle_timeout is 0. */
function idleDue(agent: Agent): number | undefined {
  return agent.idleSince === undefined || agent.idleTimeout === 0 ? undefined : agent.idleSince + agent.idleTimeout * 1000;
}

/** The channel user an agent or a remote uid is: Agora's numeric uid (a string uid maps to one). */
export const channelUid = (uid: string): number => numericUid(uid);

/** True while one of the users the agent listens to is in its channel. */
export function userPresent(project: ProjectState, agent: Agent): boolean {
  const users = project.channels.get(agent.channel)?.users;
  return Boolean(users && agent.remoteUids.some((uid) => users.has(userKey(channelUid(uid)))));
}

/** Stop a running agent at `at` (ms): it leaves the channel, with agent left and agent history notices. */
export function stopAgent(project: ProjectState, agent: Agent, at: number, message: string): void {
  agent.status = 'STOPPED';
  agent.stopTs = Math.floor(at / 1000);
  agent.message = message;
  agent.idleSince = undefined;
  leaveChannel(project, agent.channel, channelUid(agent.uid), at);
  agentLeft(project, agent, at);
  forgetOldest(agentSlice.of(project));
}

/** Keep at most CAPS.stopped stopped agents. */
function forgetOldest(state: AgentState): void {
  const stopped = [...state.agents.values()].filter((agent) => agent.status !== 'RUNNING').sort((a, b) => a.seq - b.seq);
  for (const agent of stopped.slice(0, Math.max(0, stopped.length - CAPS.stopped))) state.agents.delete(agent.id);
}
