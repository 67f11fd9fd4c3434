/**
 * Every product's event table the sandbox knows, in the order the Webhooks
 * page shows them. A family with notifications adds its table here.
 */
import { CLOUD_RECORDING_NOTIFICATIONS } from '../../families/cloud-recording/events';
import { CONVERSATIONAL_AI_NOTIFICATIONS } from '../../families/conversational-ai/events';
import { MEDIA_PULL_NOTIFICATIONS } from '../../families/media-pull/events';
import { MEDIA_PUSH_NOTIFICATIONS } from '../../families/media-push/events';
import { REAL_TIME_STT_NOTIFICATIONS } from '../../families/real-time-stt/events';
import { RTC_NOTIFICATIONS } from './rtc';
import type { NotificationCatalog } from './types';

export const NOTIFICATION_CATALOGS: readonly NotificationCatalog[] = [
  MEDIA_PULL_NOTIFICATIONS,
  MEDIA_PUSH_NOTIFICATIONS,
  CLOUD_RECORDING_NOTIFICATIONS,
  REAL_TIME_STT_NOTIFICATIONS,
  CONVERSATIONAL_AI_NOTIFICATIONS,
  RTC_NOTIFICATIONS,
];


/** The catalog a productId belongs to (the family a stored notice is shown under). */
export function catalogOf(productId: number): NotificationCatalog {
  const catalog = NOTIFICATION_CATALOGS.find((entry) => entry.productId === productId);
  if (!catalog) throw new Error(`No notification catalog has productId ${productId}: add its table to NOTIFICATION_CATALOGS.`);
  return catalog;
}
