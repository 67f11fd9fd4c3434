/** Conversational AI Engine: AI agents that talk with a user in a channel. */
import type { FamilyModule } from '../types';
import { conversationalAiDialect } from './dialect';
import { conversationalAiHandlers } from './sandbox';
import { agentSlice } from './state';

const conversationalAi: FamilyModule = {
  id: 'conversational-ai',
  sandbox: {
    id: 'conversational-ai',
    handlers: conversationalAiHandlers,
    dialect: conversationalAiDialect,
    slices: [agentSlice],
  },
};

export default conversationalAi;
