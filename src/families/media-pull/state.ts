/** Media Pull's slice of a sandbox project: its cloud players. */
import { defineSlice } from '../../sandbox/family';
import { leaveChannel, numericUid, type ProjectState } from '../../sandbox/store';

export type PlayerStatus = 'connecting' | 'running';

export interface Player {
  id: string;
  /** Creation order within the project; page tokens point at it. */
  seq: number;
  region: string;
  name?: string;
  channelName: string;
  streamUrl: string;
  uid?: number;
  account?: string;
  token?: string;
  idleTimeout: number;
  /** Creation time in epoch seconds, as Agora reports createTs. */
  createTs: number;
  createdAt: number;
  /** Removed after `idleTimeout` seconds without an update (ms). */
  expiresAt: number;
  /** Last accepted update sequence; -1 before the first update. */
  sequence: number;
  isPause: boolean;
  audioOptions?: unknown;
  videoOptions?: unknown;
  seekPosition?: number;
  repeatTime?: number;
}

export interface PlayerState {
  players: Map<string, Player>;
  nextSeq: number;
}

export const playerSlice = defineSlice<PlayerState>('media-pull', {
  create: () => ({ players: new Map(), nextSeq: 1 }),
  sweep: (state, project, now) => {
    for (const [id, player] of state.players) {
      if (player.expiresAt <= now) removePlayer(project, id);
    }
  },
});

/** Remove a player and its user from the channel it published into. */
export function removePlayer(project: ProjectState, id: string): Player | undefined {
  const { players } = playerSlice.of(project);
  const player = players.get(id);
  if (!player) return undefined;
  players.delete(id);
  leaveChannel(project, player.channelName, numericUid(player.account ?? player.uid ?? 0));
  return player;
}
