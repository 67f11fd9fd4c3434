/** Media Pull: cloud players that pull an online stream into a channel. */
import type { FamilyModule } from '../types';
import { mediaPullDialect } from './dialect';
import { mediaPullHandlers } from './sandbox';
import { playerSlice } from './state';

const mediaPull: FamilyModule = {
  id: 'media-pull',
  sandbox: {
    id: 'media-pull',
    handlers: mediaPullHandlers,
    dialect: mediaPullDialect,
    slices: [playerSlice],
    // Every Media Pull answer names the player it concerns (a new id when none does yet).
    responseHeaders: (params, result): Record<string, string> =>
      result.headers?.['X-Resource-ID'] ? {} : { 'X-Resource-ID': params.playerid ?? params.id ?? crypto.randomUUID() },
  },
};

export default mediaPull;
