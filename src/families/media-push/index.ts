/** Media Push: RTMP converters that push a channel's audio and video to a CDN. */
import type { FamilyModule } from '../types';
import { mediaPushDialect } from './dialect';
import { mediaPushHandlers } from './sandbox';
import { converterSlice } from './state';

const mediaPush: FamilyModule = {
  id: 'media-push',
  sandbox: {
    id: 'media-push',
    handlers: mediaPushHandlers,
    dialect: mediaPushDialect,
    slices: [converterSlice],
    // Answers about one converter name it, as Agora's X-Resource-ID does.
    responseHeaders: (params, result): Record<string, string> =>
      result.headers?.['X-Resource-ID'] || !params.converterId ? {} : { 'X-Resource-ID': params.converterId },
  },
};

export default mediaPush;
