/**
 * Real-Time STT's notifications (productId 20), from Agora's callback-service page
 * for 7.x (Docs-Source shared/real-time-stt/develop/callback-service.mdx; Agora's
 * event-types folder has no STT table): `agent joined` (101) when join succeeds and
 * `agent left` (102) when the agent leaves, on request (`OK`) or after maxIdleTime
 * without a host (`Idle for too long`). Times are Unix seconds, as Agora's examples
 * write them (its table says milliseconds; the examples' values are seconds).
 */
import { emitNotice } from '../../sandbox/events/log';
import type { NotificationCatalog } from '../../sandbox/events/types';
import type { ProjectState } from '../../sandbox/project';
import type { Agent } from './state';

/** Why an agent left, as Agora words `message`; the sandbox causes the first two. */
export type LeaveMessage = 'OK' | 'Idle for too long';

export const REAL_TIME_STT_NOTIFICATIONS: NotificationCatalog = {
  id: 'real-time-stt',
  product: 'Real-Time STT',
  productId: 20,
  source: 'shared/real-time-stt/develop/callback-service.mdx',
  events: [
    { eventType: 101, name: 'agent joined', description: 'The agent joined the channel; the payload names the agent, the channel and when it started.', sandbox: 'start-stt-agent answers 200.' },
    {
      eventType: 102,
      name: 'agent left',
      description: 'The agent left the channel; `status` is `STOPPED` (or `FAILED`) and `message` says why: `OK`, `Idle for too long`, `RTC connection error`, `Fatal ASR error`, `Fatal Translation error`.',
      sandbox: 'stop-stt-agent stops the agent (`OK`), or it runs maxIdleTime seconds without a host in the channel (`Idle for too long`). The errors need real media, so the sandbox never sends them.',
    },
  ],
  summary: (payload) => [['agent', payload.agent_id, true], ['channel', payload.channel], ['', payload.status], ['', payload.message]],
};

/** The agent joined its channel at `at` (ms). */
export function agentJoined(project: ProjectState, agent: Agent, at: number): void {
  emitNotice(project, {
    catalog: REAL_TIME_STT_NOTIFICATIONS,
    eventType: 101,
    at,
    payload: { agent_id: agent.id, channel: agent.channelName, start_ts: agent.createTs },
  });
}

/** The agent left at `at` (ms), for `message`'s reason. */
export function agentLeft(project: ProjectState, agent: Agent, message: LeaveMessage, at: number): void {
  emitNotice(project, {
    catalog: REAL_TIME_STT_NOTIFICATIONS,
    eventType: 102,
    at,
    ...(message === 'Idle for too long' ? { origin: `idle timeout (${agent.maxIdleTime} s without a host)` } : {}),
    payload: {
      agent_id: agent.id,
      channel: agent.channelName,
      message,
      start_ts: agent.createTs,
      status: 'STOPPED',
      stop_ts: Math.floor(at / 1000),
    },
  });
}
