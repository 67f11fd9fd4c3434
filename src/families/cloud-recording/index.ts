/** Cloud Recording: acquire, start, query, update, updateLayout, stop, and the notification servers' IP query. */
import type { FamilyModule } from '../types';
import { cloudRecordingDialect } from './dialect';
import { cloudRecordingHandlers } from './sandbox';
import { recordingSlice } from './state';

const cloudRecording: FamilyModule = {
  id: 'cloud-recording',
  sandbox: {
    id: 'cloud-recording',
    handlers: cloudRecordingHandlers,
    dialect: cloudRecordingDialect,
    slices: [recordingSlice],
  },
};

export default cloudRecording;
