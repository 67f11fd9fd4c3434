/**
 * In-memory state, one project per App ID, bounded so a public deployment
 * cannot be filled up: projects are evicted least-recently-used and after a
 * day unused, and every family keeps its own capped, expiring slice. The
 * engine holds only what every family shares: the RTC channels and who is in
 * them (a recording, a cloud player and the guide's create-channel all join
 * channels that channel management reads). Expiry is lazy: a project is swept
 * each time a request touches it, against the injected clock.
 */
import { DEMO_CHANNELS } from './demo';
import type { StateSlice } from './family';

/** Caps the engine owns. Families keep their own caps beside their state. */
export const CAPS = {
  projects: 16,
  channels: 200,
  usersPerChannel: 100,
} as const;

/** Lifetimes the engine owns, ms. */
export const TTL = {
  /** A project untouched for a day is forgotten. */
  project: 24 * 60 * 60_000,
} as const;

/** Which family (or the seed) put a user into a channel; it decides when the user leaves. */
export type UserSource = string;

export interface ChannelUser {
  /** Numeric uid (for an account: the uid Agora would map it to). */
  uid: number;
  /** The user account, when the user joined with one. */
  account?: string;
  role: 1 | 2;
  platform: number;
  /** Join time, epoch seconds (channel management reports seconds). */
  join: number;
  source: UserSource;
  /** When the user leaves on its own (ms); absent: until removed. */
  expiresAt?: number;
}

export interface Channel {
  name: string;
  createdAt: number;
  users: Map<string, ChannelUser>;
}

export interface ProjectState {
  appId: string;
  lastSeen: number;
  channels: Map<string, Channel>;
  /** Each family's state, by family id; read it through the family's `StateSlice.of`. */
  slices: Map<string, unknown>;
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

  constructor(
    private readonly slices: ReadonlyArray<StateSlice<unknown>> = [],
    private readonly caps: typeof CAPS = CAPS,
  ) {}

  /** The App ID's project (created on first use), swept of anything expired. */
  project(appId: string, now: number): ProjectState {
    this.evictIdle(now);
    let project = this.projects.get(appId);
    if (project) {
      // Re-insert so Map order is least-recently-used first.
      this.projects.delete(appId);
    } else {
      project = this.createProject(appId, now);
      while (this.projects.size >= this.caps.projects) {
        const oldest = this.projects.keys().next().value as string;
        this.projects.delete(oldest);
      }
    }
    project.lastSeen = now;
    this.projects.set(appId, project);
    this.sweep(project, now);
    return project;
  }

  /** Number of projects held (for tests of the bounds). */
  get size(): number {
    return this.projects.size;
  }

  reset(): void {
    this.projects.clear();
  }

  private createProject(appId: string, now: number): ProjectState {
    const project: ProjectState = { appId, lastSeen: now, channels: new Map(), slices: new Map() };
    const joined = Math.floor(now / 1000) - 600;
    for (const seed of DEMO_CHANNELS) {
      const channel = ensureChannel(project, seed.name, now);
      for (const user of seed.users) channel.users.set(userKey(user.uid), { ...user, join: joined, source: 'seed' });
    }
    for (const slice of this.slices) project.slices.set(slice.family, slice.create(project, now));
    return project;
  }

  /** Drop everything whose time is up: family state first (it may take users out), then users and empty channels. */
  private sweep(project: ProjectState, now: number): void {
    for (const slice of this.slices) slice.sweep(project.slices.get(slice.family), project, now);
    for (const channel of project.channels.values()) {
      for (const [key, user] of channel.users) {
        if (user.expiresAt !== undefined && user.expiresAt <= now) channel.users.delete(key);
      }
      dropIfEmpty(project, channel.name);
    }
  }

  private evictIdle(now: number): void {
    for (const [appId, project] of this.projects) {
      if (now - project.lastSeen > TTL.project) this.projects.delete(appId);
    }
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

/** True when one more user in channel `name` would fit under the caps. */
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
