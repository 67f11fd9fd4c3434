/**
 * In-memory state, one project per App ID, bounded so a public deployment
 * cannot be filled up: every collection has a cap, every entry an expiry, and
 * projects themselves are evicted least-recently-used. Expiry is lazy: a
 * project is swept each time a request touches it, against the injected clock.
 */
import { DEMO_BAN_RULE, DEMO_CHANNELS } from './demo';

/** Caps per App ID (and on the number of App IDs). Exported for the docs and tests. */
export const CAPS = {
  projects: 16,
  /** Acquired resourceIds waiting for a start. */
  resources: 200,
  /** Running recordings: Agora's documented 50 concurrent tasks per App ID. */
  recordings: 50,
  channels: 200,
  usersPerChannel: 100,
  banRules: 100,
} as const;

/** Lifetimes, ms. */
export const TTL = {
  /** An acquired resourceId must be used by start within 5 minutes. */
  resource: 5 * 60_000,
  /** A recording nobody queries, updates or stops is stopped after an hour. */
  recording: 60 * 60_000,
  /** A channel made by the guide's create-channel lives an hour after its last use. */
  guideChannel: 60 * 60_000,
  /** A project untouched for a day is forgotten. */
  project: 24 * 60 * 60_000,
} as const;

/** How a user got into a channel; it decides when the user leaves. */
export type UserSource = 'seed' | 'guide' | 'recording' | 'player';

export interface ChannelUser {
  /** Numeric uid (for an account: the uid Agora would map it to). */
  uid: number;
  /** The user account, when the user joined with one (Media Pull account, guide user id). */
  account?: string;
  role: 1 | 2;
  platform: number;
  /** Join time, epoch seconds (channel management reports seconds). */
  join: number;
  source: UserSource;
  /** For source 'guide': when the user leaves on its own (ms). */
  expiresAt?: number;
}

export interface Channel {
  name: string;
  createdAt: number;
  users: Map<string, ChannelUser>;
}

export interface RecordingResource {
  resourceId: string;
  cname: string;
  uid: string;
  acquiredAt: number;
  expiresAt: number;
}

export type RecordingMode = 'individual' | 'mix' | 'web';

export interface Recording {
  sid: string;
  resourceId: string;
  cname: string;
  uid: string;
  mode: RecordingMode;
  startedAt: number;
  lastActivity: number;
  /** Last layout set by updateLayout (mix mode). */
  layout?: unknown;
  /** Last subscription set by update. */
  subscription?: unknown;
  updates: number;
}

export interface BanRule {
  id: number;
  appid: string;
  cname?: string;
  uid?: number;
  ip?: string;
  privileges: string[];
  /** When the rule lapses, ms. */
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
}

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

export interface ProjectState {
  appId: string;
  lastSeen: number;
  resources: Map<string, RecordingResource>;
  recordings: Map<string, Recording>;
  channels: Map<string, Channel>;
  banRules: Map<number, BanRule>;
  players: Map<string, Player>;
  nextBanRuleId: number;
  nextPlayerSeq: number;
}

/** Users are keyed by their numeric uid. */
export function userKey(uid: number): string {
  return String(uid);
}

/**
 * The numeric uid for a user id: digits as they are, any other string (a user
 * account) hashed to a stable 32-bit value, as Agora maps accounts to uids.
 */
export function numericUid(id: number | string): number {
  if (typeof id === 'number') return id;
  if (/^\d{1,10}$/.test(id) && Number(id) <= 4_294_967_295) return Number(id);
  let hash = 0x811c9dc5;
  for (const char of id) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash || 1;
}

export class SandboxStore {
  private projects = new Map<string, ProjectState>();

  constructor(private readonly caps: typeof CAPS = CAPS) {}

  /** The App ID's project (created on first use), swept of anything expired. */
  project(appId: string, now: number): ProjectState {
    this.evictIdle(now);
    let project = this.projects.get(appId);
    if (project) {
      // Re-insert so Map order is least-recently-used first.
      this.projects.delete(appId);
    } else {
      project = createProject(appId, now);
      while (this.projects.size >= this.caps.projects) {
        const oldest = this.projects.keys().next().value as string;
        this.projects.delete(oldest);
      }
    }
    project.lastSeen = now;
    this.projects.set(appId, project);
    sweep(project, now);
    return project;
  }

  /** Number of projects held (for tests of the bounds). */
  get size(): number {
    return this.projects.size;
  }

  reset(): void {
    this.projects.clear();
  }

  private evictIdle(now: number): void {
    for (const [appId, project] of this.projects) {
      if (now - project.lastSeen > TTL.project) this.projects.delete(appId);
    }
  }
}

function createProject(appId: string, now: number): ProjectState {
  const project: ProjectState = {
    appId,
    lastSeen: now,
    resources: new Map(),
    recordings: new Map(),
    channels: new Map(),
    banRules: new Map(),
    players: new Map(),
    nextBanRuleId: DEMO_BAN_RULE.id + 1,
    nextPlayerSeq: 1,
  };
  project.banRules.set(DEMO_BAN_RULE.id, {
    id: DEMO_BAN_RULE.id,
    appid: appId,
    cname: DEMO_BAN_RULE.cname,
    uid: DEMO_BAN_RULE.uid,
    privileges: [...DEMO_BAN_RULE.privileges],
    expiresAt: now + DEMO_BAN_RULE.durationMs,
    createdAt: now,
    updatedAt: now,
  });
  const joined = Math.floor(now / 1000) - 600;
  for (const seed of DEMO_CHANNELS) {
    const channel = ensureChannel(project, seed.name, now);
    for (const user of seed.users) {
      channel.users.set(userKey(user.uid), { ...user, join: joined, source: 'seed' });
    }
  }
  return project;
}

/** Drop everything whose time is up. Cheap: collections are capped. */
export function sweep(project: ProjectState, now: number): void {
  for (const [id, resource] of project.resources) {
    if (resource.expiresAt <= now) project.resources.delete(id);
  }
  for (const [sid, recording] of project.recordings) {
    if (now - recording.lastActivity >= TTL.recording) endRecording(project, sid);
  }
  for (const [id, player] of project.players) {
    if (player.expiresAt <= now) removePlayer(project, id);
  }
  for (const [id, rule] of project.banRules) {
    if (rule.expiresAt <= now) project.banRules.delete(id);
  }
  for (const channel of project.channels.values()) {
    for (const [key, user] of channel.users) {
      if (user.expiresAt !== undefined && user.expiresAt <= now) channel.users.delete(key);
    }
    dropIfEmpty(project, channel.name);
  }
}

/** The named channel, created when missing (callers check `channelFits` first). */
export function ensureChannel(project: ProjectState, name: string, now: number): Channel {
  let channel = project.channels.get(name);
  if (!channel) {
    channel = { name, createdAt: now, users: new Map() };
    project.channels.set(name, channel);
  }
  return channel;
}

/** True when one more channel named `name` would fit under the cap. */
export function channelFits(project: ProjectState, name: string, caps: typeof CAPS = CAPS): boolean {
  const channel = project.channels.get(name);
  if (!channel) return project.channels.size < caps.channels;
  return channel.users.size < caps.usersPerChannel;
}

export function joinChannel(project: ProjectState, name: string, user: ChannelUser, now: number): void {
  ensureChannel(project, name, now).users.set(userKey(user.uid), user);
}

export function leaveChannel(project: ProjectState, name: string, uid: number): void {
  project.channels.get(name)?.users.delete(userKey(uid));
  dropIfEmpty(project, name);
}

function dropIfEmpty(project: ProjectState, name: string): void {
  const channel = project.channels.get(name);
  if (channel && channel.users.size === 0) project.channels.delete(name);
}

/** Stop a recording: the recorder leaves the channel and the sid is forgotten. */
export function endRecording(project: ProjectState, sid: string): Recording | undefined {
  const recording = project.recordings.get(sid);
  if (!recording) return undefined;
  project.recordings.delete(sid);
  leaveChannel(project, recording.cname, numericUid(recording.uid));
  return recording;
}

/** Remove a player and its user from the channel it published into. */
export function removePlayer(project: ProjectState, id: string): Player | undefined {
  const player = project.players.get(id);
  if (!player) return undefined;
  project.players.delete(id);
  leaveChannel(project, player.channelName, numericUid(player.account ?? player.uid ?? 0));
  return player;
}
