/**
 * The family registry: every Agora API family the site covers, in one list.
 * Adding a family is its folder (`catalog.yaml`, `index.ts`, its sandbox
 * handlers, state and error dialect) plus one line here; see the README's
 * "Add an API family".
 */
import channelManagement from './channel-management';
import cloudRecording from './cloud-recording';
import cloudTranscoding from './cloud-transcoding';
import conversationalAi from './conversational-ai';
import guide from './guide';
import mediaPull from './media-pull';
import mediaPush from './media-push';
import realTimeStt from './real-time-stt';
import type { FamilyModule } from './types';

export type { FamilyModule } from './types';

export const families: readonly FamilyModule[] = [guide, cloudRecording, channelManagement, mediaPull, mediaPush, cloudTranscoding, realTimeStt, conversationalAi];
