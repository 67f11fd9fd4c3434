/** Real-Time STT 7.x: agents that transcribe and translate a channel's hosts. */
import type { FamilyModule } from '../types';
import { sttDialect } from './dialect';
import { realTimeSttHandlers } from './sandbox';
import { agentSlice } from './state';

const realTimeStt: FamilyModule = {
  id: 'real-time-stt',
  sandbox: {
    id: 'real-time-stt',
    handlers: realTimeSttHandlers,
    dialect: sttDialect,
    slices: [agentSlice],
  },
};

export default realTimeStt;
