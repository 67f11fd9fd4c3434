/** The Video Calling guide's two illustrative calls (not in Agora's published reference). */
import type { FamilyModule } from '../types';
import { guideDialect } from './dialect';
import { guideHandlers } from './sandbox';

const guide: FamilyModule = {
  id: 'guide',
  // Stateless itself: create-channel starts a recording in Cloud Recording's slice.
  sandbox: { id: 'guide', handlers: guideHandlers, dialect: guideDialect },
};

export default guide;
