/**
 * Media Pull's notifications (productId 4), from Agora's event-types/media-pull.mdx:
 * Player Created when create succeeds (status `connecting`, the request's
 * X-Request-ID), Player Status Changed as the player moves on (`running`),
 * Player Destroyed with its destroyReason.
 */
import { cancelNotices, emitNotice } from '../../sandbox/events/log';
import { objectOf, type NotificationCatalog } from '../../sandbox/events/types';
import type { ProjectState } from '../../sandbox/project';
import type { Player, PlayerStatus } from './state';

export const MEDIA_PULL_NOTIFICATIONS: NotificationCatalog = {
  id: 'media-pull',
  product: 'Media Pull',
  productId: 4,
  source: 'shared/notification-center-service/event-types/media-pull.mdx',
  events: [
    { eventType: 1, name: 'Player Created', description: 'A create call succeeded; the player is `connecting` to the stream. Carries the create request\'s X-Request-ID as `xRequestId`.', sandbox: 'create-cloud-player answers 200.' },
    { eventType: 3, name: 'Player Destroyed', description: 'The player is gone; `destroyReason` says why: `Delete Request`, `Idle Timeout`, `Stream Stopped`, `Internal Error`.', sandbox: 'delete-cloud-player removes a player (`Delete Request`); a player runs past its idleTimeout without an update (`Idle Timeout`).' },
    { eventType: 4, name: 'Player Status Changed', description: 'The player\'s runtime status changed: `connecting`, `success`, `running`, `failed` or `stopped`.', sandbox: 'Three seconds after it starts playing, a player turns `running` (a later `playTs` first turns it `connecting` at that time).' },
  ],
  summary: (payload) => {
    const player = objectOf(payload.player);
    return [['player', player.id, true], ['', player.status], ['', payload.destroyReason], ['channel', player.channelName]];
  },
};

/** The destroyReason values the sandbox can produce (`Stream Stopped` and `Internal Error` need a real stream). */
export type DestroyReason = 'Delete Request' | 'Idle Timeout';

const subject = (player: Player) => `player:${player.id}`;

function brief(player: Player, status?: PlayerStatus) {
  return {
    channelName: player.channelName,
    id: player.id,
    ...(player.name !== undefined ? { name: player.name } : {}),
    ...(status ? { status } : {}),
  };
}

/** Created now; its status changes scheduled for when they happen (dropped if it goes first). */
export function playerCreated(project: ProjectState, player: Player, status: PlayerStatus, requestId: string, now: number, connectingMs: number): void {
  emitNotice(project, {
    catalog: MEDIA_PULL_NOTIFICATIONS,
    eventType: 1,
    at: now,
    payload: {
      lts: now,
      player: {
        channelName: player.channelName,
        createTs: player.createTs,
        id: player.id,
        idleTimeout: player.idleTimeout,
        ...(player.name !== undefined ? { name: player.name } : {}),
        status,
        streamUrl: player.streamUrl,
        ...(player.token !== undefined ? { token: player.token } : {}),
        ...(player.account !== undefined ? { account: player.account } : { uid: player.uid }),
      },
      xRequestId: requestId,
    },
  });
  const changes: Array<[number, PlayerStatus]> = [];
  if (player.playAt > now) changes.push([player.playAt, 'connecting']);
  changes.push([player.playAt + connectingMs, 'running']);
  for (const [at, next] of changes) {
    emitNotice(project, {
      catalog: MEDIA_PULL_NOTIFICATIONS,
      eventType: 4,
      at,
      cancelKey: subject(player),
      payload: { player: brief(player, next), lts: at, fields: 'player.name,player.channelName,player.id,player.status' },
    });
  }
}

/** Destroyed at `at` (a delete's time, or when its idle timeout ran out). */
export function playerDestroyed(project: ProjectState, player: Player, reason: DestroyReason, at: number): void {
  cancelNotices(project, subject(player), at);
  emitNotice(project, {
    catalog: MEDIA_PULL_NOTIFICATIONS,
    eventType: 3,
    at,
    ...(reason === 'Idle Timeout' ? { origin: `idle timeout (${player.idleTimeout} s without an update)` } : {}),
    payload: { destroyReason: reason, fields: 'player.name,player.channelName,player.id', lts: at, player: brief(player) },
  });
}
