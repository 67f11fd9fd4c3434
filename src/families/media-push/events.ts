/**
 * Media Push's notifications (productId 5), from Agora's
 * event-types/media-push.mdx: Converter Created when create succeeds (state
 * `connecting`, the request's X-Request-ID), Converter Configuration Changed
 * after an update (with the update's field mask), Converter Status Changed as
 * it starts pushing (`running`), Converter Destroyed with its destroyReason.
 */
import { cancelNotices, emitNotice } from '../../sandbox/events/log';
import { objectOf, type NotificationCatalog } from '../../sandbox/events/types';
import type { ProjectState } from '../../sandbox/project';
import type { Converter, JsonObject } from './state';

export const MEDIA_PUSH_NOTIFICATIONS: NotificationCatalog = {
  id: 'media-push',
  product: 'Media Push',
  productId: 5,
  source: 'shared/notification-center-service/event-types/media-push.mdx',
  events: [
    { eventType: 1, name: 'Converter Created', description: 'A create call succeeded; the converter is `connecting`. Carries its configuration and the request\'s X-Request-ID as `xRequestId`.', sandbox: 'create-converter answers 200.' },
    { eventType: 2, name: 'Converter Configuration Changed', description: 'An update changed the converter; `fields` names what changed.', sandbox: 'update-converter answers 200.' },
    { eventType: 3, name: 'Converter Status Changed', description: 'The converter\'s state changed: `connecting`, `running` or `failed`.', sandbox: 'Three seconds after it is created, a converter turns `running`.' },
    { eventType: 4, name: 'Converter Destroyed', description: 'The converter is gone and pushing stopped; `destroyReason` says why: `Delete Request`, `Idle Timeout` or `Internal Error`.', sandbox: 'delete-converter removes a converter (`Delete Request`); none of its users has been in the channel for `idleTimeout` seconds (`Idle Timeout`).' },
  ],
  summary: (payload) => {
    const converter = objectOf(payload.converter);
    return [['converter', converter.id, true], ['', converter.state], ['', payload.destroyReason], ['fields', payload.xRequestId === undefined ? undefined : payload.fields]];
  },
};

/** The destroyReason values the sandbox can produce (`Internal Error` needs a real server fault). */
export type DestroyReason = 'Delete Request' | 'Idle Timeout';

const subject = (converter: Converter) => `converter:${converter.id}`;
const stamp = (converter: Converter) => ({ id: converter.id, createTs: converter.createTs, updateTs: converter.updateTs });

/** Created now, `connecting`; `running` scheduled `connectingMs` later (dropped if it goes first). */
export function converterCreated(project: ProjectState, converter: Converter, requestId: string, now: number, connectingMs: number): void {
  emitNotice(project, {
    catalog: MEDIA_PUSH_NOTIFICATIONS,
    eventType: 1,
    at: now,
    payload: {
      converter: {
        id: converter.id,
        ...(converter.name !== undefined ? { name: converter.name } : {}),
        ...(converter.transcodeOptions ? { transcodeOptions: converter.transcodeOptions } : { rawOptions: converter.rawOptions }),
        rtmpUrl: converter.rtmpUrl,
        idleTimeout: converter.idleTimeout,
        createTs: converter.createTs,
        updateTs: converter.updateTs,
        state: 'connecting',
      },
      lts: now,
      xRequestId: requestId,
    },
  });
  const at = now + connectingMs;
  emitNotice(project, {
    catalog: MEDIA_PUSH_NOTIFICATIONS,
    eventType: 3,
    at,
    cancelKey: subject(converter),
    payload: { converter: { ...stamp(converter), state: 'running' }, lts: at, fields: 'id,createTs,updateTs,state' },
  });
}

/** Updated now: the changed fields (`changed`, shaped like the converter) under the update's mask. */
export function converterUpdated(project: ProjectState, converter: Converter, state: string, changed: JsonObject, mask: string[], requestId: string, now: number): void {
  emitNotice(project, {
    catalog: MEDIA_PUSH_NOTIFICATIONS,
    eventType: 2,
    at: now,
    payload: {
      converter: { ...stamp(converter), state, ...changed },
      lts: now,
      xRequestId: requestId,
      fields: ['id', 'createTs', 'updateTs', 'state', ...mask].join(','),
    },
  });
}

/** Destroyed at `at` (a delete's time, or when its idle timeout ran out). */
export function converterDestroyed(project: ProjectState, converter: Converter, reason: DestroyReason, at: number): void {
  cancelNotices(project, subject(converter), at);
  emitNotice(project, {
    catalog: MEDIA_PUSH_NOTIFICATIONS,
    eventType: 4,
    at,
    ...(reason === 'Idle Timeout' ? { origin: `idle timeout (${converter.idleTimeout} s without its users in the channel)` } : {}),
    payload: {
      converter: { id: converter.id, ...(converter.name !== undefined ? { name: converter.name } : {}), createTs: converter.createTs, updateTs: converter.updateTs },
      lts: at,
      destroyReason: reason,
      fields: converter.name !== undefined ? 'id,name,createTs,updateTs' : 'id,createTs,updateTs',
    },
  });
}
