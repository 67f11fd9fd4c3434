/** Cloud Transcoding: cloud transcoders that mix hosts of a channel and publish the result into a channel. */
import type { FamilyModule } from '../types';
import { cloudTranscodingDialect } from './dialect';
import { cloudTranscodingHandlers } from './sandbox';
import { transcodingSlice } from './state';

const cloudTranscoding: FamilyModule = {
  id: 'cloud-transcoding',
  sandbox: {
    id: 'cloud-transcoding',
    handlers: cloudTranscodingHandlers,
    dialect: cloudTranscodingDialect,
    slices: [transcodingSlice],
  },
};

export default cloudTranscoding;
