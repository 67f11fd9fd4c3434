/**
 * Real-Time STT's slice of a sandbox project: its agents. A running agent's bot is
 * a user of its channel (channel management lists it); the agent stops after
 * maxIdleTime seconds without a host, and a stopped agent stays queryable (status
 * STOPPED) for an hour, then is forgotten.
 */
import { defineSlice } from '../../sandbox/family';
import { leaveChannel, numericUid, type ProjectState } from '../../sandbox/project';
import { agentLeft, type LeaveMessage } from './events';

/** The statuses the sandbox reports; the others (STARTING, RECOVERING, FAILED...) need a real service. */
export type AgentStatus = 'RUNNING' | 'STOPPED';

/** The number `list`'s `state` parameter gives each status. */
export const STATE_CODES: Readonly<Record<string, string>> = {
  0: 'IDLE', 1: 'STARTING', 2: 'RUNNING', 3: 'STOPPING', 4: 'STOPPED', 5: 'RECOVERING', 6: 'FAILED',
};

export interface LanguagePair {
  source: string;
  target: string[];
}

export interface UidLanguages {
  uid: string;
  languages: string[];
}

export interface Agent {
  id: string;
  /** Creation order within the project; list pages follow it. */
  seq: number;
  name: string;
  channelName: string;
  pubBotUid: string;
  /** Deprecated, kept when it names a second bot (Agora's quickstart still sends one). */
  subBotUid?: string;
  languages: string[];
  uidLanguagesConfig?: UidLanguages[];
  keywords?: string[];
  subscribeAudioUids?: string[];
  unSubscribeAudioUids?: string[];
  translate: { enable: boolean; languages: LanguagePair[] };
  /** Where captions go; the sandbox keeps the vendor and bucket, never the keys. */
  captions?: { vendor: number; bucket: string; sliceDuration: number };
  maxIdleTime: number;
  /** Creation time, Unix seconds (create_ts, start_ts). */
  createTs: number;
  status: AgentStatus;
  /** Since when the channel has had no host (ms); absent while it has one. */
  idleSince?: number;
  /** Last accepted update's sequenceId; -1 before the first. */
  sequenceId: number;
  /** When it stopped (ms). */
  stoppedAt?: number;
  stopMessage?: LeaveMessage;
}

export interface AgentState {
  agents: Map<string, Agent>;
  nextSeq: number;
}

/** The sandbox's own bounds (Agora publishes none): running agents per project, agents kept in all, and how long a stopped one stays. */
export const CAPS = { running: 20, kept: 100 } as const;
export const STOPPED_KEPT_MS = 60 * 60_000;

/** Where a bot comes from, in channel user lists. */
export const BOT_SOURCE = 'real-time-stt';

/** True while the agent's channel has a host that is not one of these bots (Agora: idle = no host in the channel). */
export function channelHasHost(project: ProjectState, channelName: string): boolean {
  const users = project.channels.get(channelName)?.users.values() ?? [];
  return [...users].some((user) => user.role === 1 && user.source !== BOT_SOURCE);
}

/** The uids an agent's bots hold in its channel. */
export function botUids(agent: Agent): number[] {
  const uids = [numericUid(agent.pubBotUid)];
  if (agent.subBotUid !== undefined && numericUid(agent.subBotUid) !== uids[0]) uids.push(numericUid(agent.subBotUid));
  return uids;
}

/** Stop a running agent at `at` (ms): its bots leave the channel and `agent left` is sent. */
export function stopAgent(project: ProjectState, agent: Agent, message: LeaveMessage, at: number): void {
  if (agent.status !== 'RUNNING') return;
  agent.status = 'STOPPED';
  agent.stoppedAt = at;
  agent.stopMessage = message;
  agent.idleSince = undefined;
  for (const uid of botUids(agent)) leaveChannel(project, agent.channelName, uid, at);
  agentLeft(project, agent, message, at);
}

export const agentSlice = defineSlice<AgentState>('real-time-stt', {
  create: () => ({ agents: new Map(), nextSeq: 1 }),
  sweep: (state, project, now) => {
    for (const agent of state.agents.values()) {
      if (agent.status !== 'RUNNING') continue;
      if (channelHasHost(project, agent.channelName)) {
        agent.idleSince = undefined;
        continue;
      }
      agent.idleSince ??= now;
      const due = agent.idleSince + agent.maxIdleTime * 1000;
      if (due <= now) stopAgent(project, agent, 'Idle for too long', due);
    }
    for (const [id, agent] of state.agents) {
      if (agent.stoppedAt !== undefined && agent.stoppedAt + STOPPED_KEPT_MS <= now) state.agents.delete(id);
    }
  },
  // The next idle stop, so its notice is sent when it happens rather than at the next call.
  wakeAt: (state) => {
    let next: number | undefined;
    for (const agent of state.agents.values()) {
      if (agent.status !== 'RUNNING' || agent.idleSince === undefined) continue;
      const due = agent.idleSince + agent.maxIdleTime * 1000;
      if (next === undefined || due < next) next = due;
    }
    return next;
  },
});

/** Make room for one more agent: the oldest stopped ones go first once CAPS.kept are stored. */
export function makeRoom(state: AgentState): void {
  const stopped = [...state.agents.values()].filter((agent) => agent.status === 'STOPPED').sort((a, b) => a.seq - b.seq);
  while (state.agents.size >= CAPS.kept && stopped.length > 0) state.agents.delete(stopped.shift()!.id);
}
