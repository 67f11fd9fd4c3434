/**
 * RTC channel events (productId 1), from Agora's event-types/rtc.mdx. The
 * sandbox's channels belong to the engine (every family joins them), so their
 * events do too: a channel's first user creates it (101), users join and
 * leave as hosts (103/104) or audience (105/106), the last one out destroys
 * it (102). The profile is live streaming: the sandbox's users have roles.
 */
import type { ChannelUser, ProjectState } from '../project';
import { emitNotice } from './log';
import type { NotificationCatalog } from './types';

export const RTC_NOTIFICATIONS: NotificationCatalog = {
  id: 'rtc',
  product: 'RTC channel events',
  productId: 1,
  source: 'shared/notification-center-service/event-types/rtc.mdx',
  events: [
    { eventType: 101, name: 'channel create', description: 'The first user joined, so the channel exists.', sandbox: 'A call puts the first user into a channel (create-channel, a recording or a cloud player).' },
    { eventType: 102, name: 'channel destroy', description: 'The last user left, so the channel is gone; carries that user as lastUid.', sandbox: 'The last user leaves (a recording stops, a player is deleted, a kicking rule, the guide channel expires).' },
    { eventType: 103, name: 'broadcaster join channel', description: 'A host joined (streaming profile).', sandbox: "The guide's create-channel user, a cloud player." },
    { eventType: 104, name: 'broadcaster leave channel', description: 'A host left; reason says why (1 quit, 3 kicked by a rule, ...) and duration how long it stayed.', sandbox: 'A player deleted or timed out (reason 1), a kicking rule (reason 3).' },
    { eventType: 105, name: 'audience join channel', description: 'An audience member joined (streaming profile).', sandbox: 'A recording starts: the recorder joins as audience on Linux (platform 6, clientType 10).' },
    { eventType: 106, name: 'audience leave channel', description: 'An audience member left; reason and duration as for 104.', sandbox: 'A recording stops (reason 1), a kicking rule (reason 3).' },
    { eventType: 107, name: 'user join channel with communication mode', description: 'A user joined a communication-profile channel.', whyNot: 'The sandbox models live-streaming channels (every user has a role), so it sends 103/105.' },
    { eventType: 108, name: 'user leave channel with communication mode', description: 'A user left a communication-profile channel.', whyNot: 'As for 107: the sandbox sends 104/106.' },
    { eventType: 111, name: 'client role change to broadcaster', description: 'An audience member became a host.', whyNot: 'Roles change in the SDK, which the sandbox has no part of.' },
    { eventType: 112, name: 'client role change to audience', description: 'A host became an audience member.', whyNot: 'As for 111.' },
  ],
  summary: (payload) => [['channel', payload.channelName], ['uid', payload.uid ?? payload.lastUid], ['reason', payload.reason]],
};

/** Why a user left (104/106 `reason`): 1 quit, 3 removed for lack of permission (a kicking rule). */
export type LeaveReason = 1 | 3;

/** The Linux client type Agora reports for Cloud Recording's recorder. */
const CLOUD_RECORDING_CLIENT = 10;

/** Increasing per event, as Agora's clientSeq is for one user's events. */
function clientSeq(project: ProjectState, now: number): number {
  return now * 1000 + ((project.events?.nextSeq ?? 1) % 1000);
}

function userFields(user: ChannelUser) {
  return {
    uid: user.uid,
    platform: user.platform,
    // Agora returns clientType for Linux users only; the one the sandbox can name is the recorder.
    ...(user.platform === 6 && user.source === 'recording' ? { clientType: CLOUD_RECORDING_CLIENT } : {}),
  };
}

export function channelCreated(project: ProjectState, channelName: string, now: number): void {
  emitNotice(project, { catalog: RTC_NOTIFICATIONS, eventType: 101, at: now, payload: { channelName, ts: Math.floor(now / 1000) } });
}

export function userJoined(project: ProjectState, channelName: string, user: ChannelUser, now: number): void {
  emitNotice(project, {
    catalog: RTC_NOTIFICATIONS,
    eventType: user.role === 1 ? 103 : 105,
    at: now,
    payload: { channelName, ...userFields(user), clientSeq: clientSeq(project, now), ts: Math.floor(now / 1000) },
  });
}

export function userLeft(project: ProjectState, channelName: string, user: ChannelUser, now: number, reason: LeaveReason): void {
  const ts = Math.floor(now / 1000);
  emitNotice(project, {
    catalog: RTC_NOTIFICATIONS,
    eventType: user.role === 1 ? 104 : 106,
    at: now,
    payload: { channelName, ...userFields(user), clientSeq: clientSeq(project, now), reason, ts, duration: Math.max(0, ts - user.join) },
  });
}

export function channelDestroyed(project: ProjectState, channelName: string, lastUid: number, now: number): void {
  emitNotice(project, { catalog: RTC_NOTIFICATIONS, eventType: 102, at: now, payload: { channelName, ts: Math.floor(now / 1000), lastUid } });
}
