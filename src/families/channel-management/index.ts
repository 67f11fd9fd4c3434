/** Channel management: channels, users and ban (kicking) rules. */
import type { FamilyModule } from '../types';
import { channelManagementDialect } from './dialect';
import { channelManagementHandlers } from './sandbox';
import { banRuleSlice } from './state';

const channelManagement: FamilyModule = {
  id: 'channel-management',
  sandbox: {
    id: 'channel-management',
    handlers: channelManagementHandlers,
    dialect: channelManagementDialect,
    slices: [banRuleSlice],
  },
};

export default channelManagement;
