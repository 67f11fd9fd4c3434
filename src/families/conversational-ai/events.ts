/**
 * Conversational AI's notifications (productId 17), from Agora's
 * event-types/conversational-ai.mdx and the engine's event-types page: agent
 * joined (101) when join succeeds, agent left (102) with the reason it left,
 * agent history (103) and turns finished (112) once it has stopped.
 */
import { emitNotice } from '../../sandbox/events/log';
import type { NotificationCatalog } from '../../sandbox/events/types';
import type { ProjectState } from '../../sandbox/project';
import type { Agent } from './state';

export const CONVERSATIONAL_AI_NOTIFICATIONS: NotificationCatalog = {
  id: 'conversational-ai',
  product: 'Conversational AI Engine',
  productId: 17,
  source: 'shared/notification-center-service/event-types/conversational-ai.mdx',
  events: [
    { eventType: 101, name: 'agent joined', description: 'The agent joined its channel: agent_id, name, start_ts, channel and the labels given at join.', sandbox: 'start-agent answers 200.' },
    { eventType: 102, name: 'agent left', description: 'The agent left its channel; `status` and `message` say how (`OK` after leave, `Idle for too long`, `Task lifetime limit exceeded`, or a failure).', sandbox: 'stop-agent stops an agent (`OK`), or its idle_timeout runs out with no remote user in the channel (`Idle for too long`).' },
    { eventType: 103, name: 'agent history', description: 'After the agent stopped: its short-term history (`contents`, at most llm.max_history messages) with its start and stop times.', sandbox: 'Right after agent left.' },
    { eventType: 104, name: 'agent expire', description: "The agent's RTC token is about to expire; call update with a new token. A warning only: the agent keeps running.", whyNot: 'The sandbox does not read RTC tokens, so none of them expires.' },
    { eventType: 110, name: 'agent error', description: 'A module of the agent (ASR, LLM, TTS, ...) reported errors: `errors[]` with module, code and message.', whyNot: 'No vendor is called in the sandbox, so none can fail.' },
    { eventType: 111, name: 'agent metrics', description: 'Performance metrics of the agent.', whyNot: 'No model runs in the sandbox, so there is no latency to measure.' },
    { eventType: 112, name: 'turns finished', description: "After the session ended: all its turns in one notice (`turns`, `total_turn_count`, `is_truncated` past 200 turns).", sandbox: 'Right after agent left.' },
    { eventType: 201, name: 'inbound call state', description: 'The state of an incoming phone call (SIP) changed.', whyNot: 'The sandbox has no telephony.' },
    { eventType: 202, name: 'outbound call state', description: 'The state of an outgoing phone call (SIP) changed.', whyNot: 'The sandbox has no telephony.' },
  ],
  summary: (payload) => [['agent', payload.agent_id, true], ['', payload.name], ['', payload.status], ['', payload.message], ['channel', payload.channel]],
};

function brief(agent: Agent) {
  return {
    agent_id: agent.id,
    name: agent.name,
    start_ts: agent.startTs,
    channel: agent.channel,
    ...(agent.labels ? { labels: agent.labels } : {}),
  };
}

/** Joined now. */
export function agentJoined(project: ProjectState, agent: Agent, now: number): void {
  emitNotice(project, { catalog: CONVERSATIONAL_AI_NOTIFICATIONS, eventType: 101, at: now, payload: brief(agent) });
}

/** Left at `at` (a leave's time, or when its idle timeout or lifetime ran out), then its history and turns. */
export function agentLeft(project: ProjectState, agent: Agent, at: number): void {
  const stopped = { stop_ts: agent.stopTs };
  const origin = agent.message === 'OK' ? undefined : agent.message === 'Idle for too long' ? `idle timeout (${agent.idleTimeout} s with no remote user in the channel)` : agent.message;
  emitNotice(project, {
    catalog: CONVERSATIONAL_AI_NOTIFICATIONS,
    eventType: 102,
    at,
    ...(origin ? { origin } : {}),
    payload: { ...brief(agent), ...stopped, status: agent.status, message: agent.message },
  });
  emitNotice(project, {
    catalog: CONVERSATIONAL_AI_NOTIFICATIONS,
    eventType: 103,
    at,
    payload: { ...brief(agent), ...stopped, contents: agent.history.slice(-agent.maxHistory) },
  });
  emitNotice(project, {
    catalog: CONVERSATIONAL_AI_NOTIFICATIONS,
    eventType: 112,
    at,
    payload: {
      ...brief(agent),
      ...stopped,
      total_turn_count: agent.nextTurn - 1,
      is_truncated: agent.nextTurn - 1 > agent.turns.length,
      turns: agent.turns.map((turn) => ({ agent_id: agent.id, channel: agent.channel, ...turn })),
    },
  });
}
