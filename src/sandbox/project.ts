/**
 * One sandbox project (one App ID): the RTC channels and who is in them, which
 * every family shares (a recording, a cloud player and the guide's
 * create-channel all join channels that channel management reads), and each
 * family's own slice. A project is a plain value: the repository (state.ts)
 * loads it from the store, a handler changes it, and it is written back whole.
 */
import { DEMO_CHANNELS } from './demo';
import type { EventLog } from './events/log';
import { channelCreated, channelDestroyed, userJoined, userLeft, type LeaveReason } from './events/rtc';
import type { StateSlice } from './family';

/** Caps the engine owns. Families keep their own caps beside their state. */
export const CAPS = {
  channels: 200,
  usersPerChannel: 100,
} as const;

/** Lifetimes the engine owns, ms. */
export const TTL = {
  /** A project's state untouched for a day is forgotten (the store's expiry, and checked on load). */
  project: 24 * 60 * 60_000,
  /** A visitor's project (its App ID and credentials) unused for a week is forgotten. */
  account: 7 * 24 * 60 * 60_000,
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
  /** The notifications its families emitted (events/log.ts); absent until the first. */
  events?: EventLog;
  /**
   * The key both notification signatures use. Not state: the engine copies it from the
   * credentials' account on every call, so a timer that sends a notice later can sign it.
   */
  ncsSecret?: string;
  /** Where this project's notices are POSTed, when the project chose a target (admin PUT /__sandbox/webhook). */
  webhook?: string;
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

/** A fresh project: the demo channels seeded, every family's slice created. */
export function createProject(appId: string, slices: ReadonlyArray<StateSlice<unknown>>, now: number): ProjectState {
  const project: ProjectState = { appId, lastSeen: now, channels: new Map(), slices: new Map() };
  const joined = Math.floor(now / 1000) - 600;
  for (const seed of DEMO_CHANNELS) {
    const channel = ensureChannel(project, seed.name, now, true);
    for (const user of seed.users) channel.users.set(userKey(user.uid), { ...user, join: joined, source: 'seed' });
  }
  for (const slice of slices) project.slices.set(slice.family, slice.create(project, now));
  return project;
}

/** Drop everything whose time is up: family state first (it may take users out), then users and empty channels. */
export function sweepProject(project: ProjectState, slices: ReadonlyArray<StateSlice<unknown>>, now: number): void {
  for (const slice of slices) {
    // A slice registered after the project was stored starts fresh rather than failing every request.
    if (!project.slices.has(slice.family)) project.slices.set(slice.family, slice.create(project, now));
    slice.sweep(project.slices.get(slice.family), project, now);
  }
  for (const channel of [...project.channels.values()]) {
    for (const user of [...channel.users.values()]) {
      if (user.expiresAt !== undefined && user.expiresAt <= now) leaveChannel(project, channel.name, user.uid, user.expiresAt);
    }
    // A slice that took users out without leaveChannel leaves no channel behind either (only no events).
    if (channel.users.size === 0) project.channels.delete(channel.name);
  }
}

/**
 * A project as text for the store. Maps (channels, users, every slice's
 * collections) are written as `{"$map": [[key, value], ...]}`, so a family's
 * state needs no codec of its own; it must be plain data (no functions, no classes).
 *
 * Every sandbox call decodes its project and most encode it again, and a busy
 * project is tens of KB (its notification log, its recordings): so both walk
 * the value once themselves rather than pass JSON a replacer or reviver
 * function, which it calls for every key (3x slower to decode a 48 KB project).
 */
export function encodeProject(project: ProjectState): string {
  return JSON.stringify(withoutMaps(project));
}

/** The project `encodeProject` wrote. */
export function decodeProject(text: string): ProjectState {
  return withMaps(JSON.parse(text)) as ProjectState;
}

/** `value` with every Map written as `{ $map: entries }`: copies only the objects and arrays on the way to a Map. */
function withoutMaps(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Map) {
    const entries: unknown[] = [];
    for (const [key, item] of value) entries.push([key, withoutMaps(item)]);
    return { $map: entries };
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item = withoutMaps(value[index]);
      if (item !== value[index]) (copy ??= value.slice())[index] = item;
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = withoutMaps(record[key]);
    // defineProperty, not assignment: a key named "__proto__" stays a plain key.
    if (item !== record[key]) Object.defineProperty((copy ??= { ...record }), key, { value: item, enumerable: true, writable: true, configurable: true });
  }
  return copy ?? value;
}

/** Parsed JSON with every `{ $map: entries }` turned back into a Map, innermost first, in place. */
function withMaps(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = withMaps(value[index]);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = withMaps(record[key]);
    // Only a Map replaces anything; JSON.parse made "__proto__" an own key, so assigning it sets that key.
    if (item !== record[key]) record[key] = item;
  }
  return Array.isArray(record.$map) ? new Map(record.$map as [unknown, unknown][]) : record;
}

/** The named channel, created when missing (callers check `channelFits` first). Seeding passes `quiet`: seeded channels were always there. */
export function ensureChannel(project: ProjectState, name: string, now: number, quiet = false): Channel {
  let channel = project.channels.get(name);
  if (!channel) {
    channel = { name, createdAt: now, users: new Map() };
    project.channels.set(name, channel);
    if (!quiet) channelCreated(project, name, now);
  }
  return channel;
}

/** True when one more user in channel `name` would fit under the caps. */
export function channelFits(project: ProjectState, name: string, caps: typeof CAPS = CAPS): boolean {
  const channel = project.channels.get(name);
  if (!channel) return project.channels.size < caps.channels;
  return channel.users.size < caps.usersPerChannel;
}

/** Put a user into a channel (created if needed), with the channel events Agora sends; a user already there is replaced quietly. */
export function joinChannel(project: ProjectState, name: string, user: ChannelUser, now: number): void {
  const channel = ensureChannel(project, name, now);
  const present = channel.users.has(userKey(user.uid));
  channel.users.set(userKey(user.uid), user);
  if (!present) userJoined(project, name, user, now);
}

/** Take a user out of a channel (reason 1: it quit; 3: a rule removed it); the last one out destroys the channel. */
export function leaveChannel(project: ProjectState, name: string, uid: number, now: number, reason: LeaveReason = 1): void {
  const channel = project.channels.get(name);
  const user = channel?.users.get(userKey(uid));
  if (!channel || !user) return;
  channel.users.delete(userKey(uid));
  userLeft(project, name, user, now, reason);
  if (channel.users.size === 0) {
    project.channels.delete(name);
    channelDestroyed(project, name, uid, now);
  }
}
