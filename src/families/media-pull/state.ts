/** Media Pull's slice of a sandbox project: its cloud players. */
import { defineSlice } from '../../sandbox/family';
import { leaveChannel, numericUid, type ProjectState } from '../../sandbox/project';
import { playerDestroyed, type DestroyReason } from './events';

/** `failed` is documented too, but the sandbox pulls no real stream, so none of its players fail. */
export type PlayerStatus = 'idle' | 'connecting' | 'running';

export interface AudioOptions {
  volume?: number;
  profile?: number;
}

export interface VideoOptions {
  width?: number;
  height?: number;
  widthHeightAdaption?: boolean;
  frameRate?: number;
  bitrate?: number;
  gop?: number;
  codec?: string;
  fillMode?: string;
}

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
  /** When playback starts (ms): creation, or a later `playTs`; the player is `idle` before. */
  playAt: number;
  /** Removed after `idleTimeout` seconds without an update (ms), unless paused. */
  expiresAt: number;
  /** Last accepted update sequence; -1 before the first update. */
  sequence: number;
  isPause: boolean;
  streamIp?: string;
  audioOptions?: AudioOptions;
  videoOptions?: VideoOptions;
  encryptMode?: string;
  dataStream: boolean;
  seekPosition?: number;
  repeatTime?: number;
  tempo: number;
}

export interface PlayerState {
  players: Map<string, Player>;
  nextSeq: number;
}

export const playerSlice = defineSlice<PlayerState>('media-pull', {
  create: () => ({ players: new Map(), nextSeq: 1 }),
  sweep: (state, project, now) => {
    for (const [id, player] of state.players) {
      // Agora does not count a paused player as idle: it stays (and is billed) until deleted or resumed.
      if (!player.isPause && player.expiresAt <= now) removePlayer(project, id, player.expiresAt, 'Idle Timeout');
    }
  },
  // The next idle timeout, so a notice of it is sent when it happens rather than at the next call.
  wakeAt: (state) => {
    let next: number | undefined;
    for (const player of state.players.values()) {
      if (!player.isPause && (next === undefined || player.expiresAt < next)) next = player.expiresAt;
    }
    return next;
  },
});

/** Remove a player and its user from the channel it published into, at `at` (ms), with Player Destroyed. */
export function removePlayer(project: ProjectState, id: string, at: number, reason: DestroyReason): Player | undefined {
  const { players } = playerSlice.of(project);
  const player = players.get(id);
  if (!player) return undefined;
  players.delete(id);
  playerDestroyed(project, player, reason, at);
  leaveChannel(project, player.channelName, numericUid(player.account ?? player.uid ?? 0), at);
  return player;
}
