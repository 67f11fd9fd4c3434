/**
 * Channel management: reads the channels and users that the other calls put in
 * the store (guide create-channel, a running recording, a cloud player, plus
 * the seeded demo channels), keeps ban rules (stored, listed, updated, deleted,
 * expired on time) and answers the notification service's IP addresses.
 *
 * Ban durations follow Agora's published rules: `time` (minutes) or
 * `time_in_seconds`, the latter winning when both are sent, 60 minutes when
 * neither is; out-of-range values are clamped to the nearest bound, and 0 is a
 * kick (the covered users go offline, no rule is kept). A join_channel rule
 * removes the users it covers when it is created; later joins are not refused,
 * because the sandbox's joins come from other families' calls.
 */
import { leaveChannel, userKey, type Channel } from '../../sandbox/project';
import type { HandlerContext, OperationHandler, SandboxResult } from '../../sandbox/types';
import { channelManagementDialect as dialect } from './dialect';
import { CAPS, banRuleSlice, type BanRule } from './state';

/** Agora's bounds and default for ban durations, in seconds. */
export const BAN_SECONDS = {
  /** Neither `time` nor `time_in_seconds`: 60 minutes. */
  default: 60 * 60,
  /** `time` is clamped to [1, 1440] minutes. */
  minutes: { min: 1 * 60, max: 1440 * 60 },
  /** `time_in_seconds` is clamped to [10, 86430] seconds. */
  seconds: { min: 10, max: 86_430 },
} as const;

/**
 * The notification servers the sandbox names: addresses from 192.0.2.0/24
 * (TEST-NET-1, RFC 5737), which route nowhere, so nobody allowlists a real host
 * by copying a sandbox answer.
 */
export const SANDBOX_NCS_IPS = ['192.0.2.10', '192.0.2.11'] as const;

interface BanRuleBody {
  appid: string;
  id?: number;
  cname?: string;
  uid?: number;
  ip?: string;
  time?: number;
  time_in_seconds?: number;
  privileges?: string[];
}

/** Whom a rule covers; the empty values Agora's own example sends (`ip: ""`, uid 0) name no one. */
interface Target {
  cname?: string;
  uid?: number;
  ip?: string;
}

function targetOf(body: BanRuleBody): Target {
  return {
    cname: body.cname ? body.cname : undefined,
    uid: body.uid ? body.uid : undefined,
    ip: body.ip ? body.ip : undefined,
  };
}

const clamp = (value: number, bounds: { min: number; max: number }) => Math.min(bounds.max, Math.max(bounds.min, value));

/**
 * Seconds a rule lasts from now: `time_in_seconds` wins over `time` (minutes),
 * neither means 60 minutes, 0 means a kick (returned as 0), anything else is
 * clamped into its documented range rather than refused.
 */
export function banSeconds(body: Pick<BanRuleBody, 'time' | 'time_in_seconds'>): number {
  if (body.time_in_seconds !== undefined) {
    return body.time_in_seconds === 0 ? 0 : clamp(body.time_in_seconds, BAN_SECONDS.seconds);
  }
  if (body.time !== undefined) return body.time === 0 ? 0 : clamp(body.time * 60, BAN_SECONDS.minutes);
  return BAN_SECONDS.default;
}

/** Channel-management roles: 2 = host, 3 = audience in a live-broadcasting channel. */
const apiRole = (role: 1 | 2) => (role === 1 ? 2 : 3);

const iso = (ms: number) => new Date(ms).toISOString();

function describeRule(rule: BanRule) {
  return {
    id: rule.id,
    appid: rule.appid,
    ...(rule.uid !== undefined ? { uid: rule.uid } : {}),
    opid: 0,
    ...(rule.cname !== undefined ? { cname: rule.cname } : {}),
    ip: rule.ip ?? '',
    ts: iso(rule.expiresAt),
    privileges: rule.privileges,
    createAt: iso(rule.createdAt),
    updateAt: iso(rule.updatedAt),
  };
}

function ruleNotFound(id: unknown): SandboxResult {
  return dialect.error(404, 'rule not found', 'id', `no ban rule has id ${String(id)}; list the rules to see their ids.`);
}

/**
 * Set offline the users a rule covers. Sandbox users carry no IP address, so a
 * rule that names only an `ip` covers nobody here.
 */
function setOffline(ctx: HandlerContext, target: Target): void {
  if (target.cname === undefined && target.uid === undefined) return;
  for (const channel of [...ctx.project.channels.values()]) {
    if (target.cname !== undefined && channel.name !== target.cname) continue;
    for (const user of [...channel.users.values()]) {
      if (target.uid === undefined || user.uid === target.uid) leaveChannel(ctx.project, channel.name, user.uid, ctx.now, 3);
    }
  }
}

function users(channel: Channel) {
  const all = [...channel.users.values()];
  return {
    broadcasters: all.filter((user) => user.role === 1).map((user) => user.uid),
    audience: all.filter((user) => user.role === 2).map((user) => user.uid),
  };
}

/** A whole page number from a query value: absent is 0, a fraction is rounded down. */
function pageNumber(query: URLSearchParams, name: string, fallback: number): number {
  const value = query.get(name);
  return value === null || value === '' ? fallback : Math.floor(Number(value));
}

export const channelManagementHandlers: OperationHandler[] = [
  {
    operationId: 'list-channels',
    handle: (ctx) => {
      const pageNo = pageNumber(ctx.query, 'page_no', 0);
      const pageSize = pageNumber(ctx.query, 'page_size', 100);
      const channels = [...ctx.project.channels.values()];
      // Agora documents no lower bound for page_no; a negative page, like one past the end, holds no channels.
      const page = pageNo < 0 ? [] : channels.slice(pageNo * pageSize, pageNo * pageSize + pageSize);
      return {
        status: 200,
        body: {
          success: true,
          data: { channels: page.map((channel) => ({ channel_name: channel.name, user_count: channel.users.size })), total_size: channels.length },
        },
      };
    },
  },
  {
    operationId: 'list-channel-users',
    handle: (ctx) => {
      const channel = ctx.project.channels.get(ctx.params.channelName);
      if (!channel) return { status: 200, body: { success: true, data: { channel_exist: false } } };
      const { broadcasters, audience } = users(channel);
      // Every sandbox channel is a live-broadcasting channel (mode 2), which Media Pull requires.
      // `hosts_only` counts when present at all, whatever its value.
      const hostsOnly = ctx.query.has('hosts_only');
      return {
        status: 200,
        body: {
          success: true,
          data: hostsOnly
            ? { channel_exist: true, mode: 2, broadcasters }
            : { channel_exist: true, mode: 2, broadcasters, audience, audience_total: audience.length },
        },
      };
    },
  },
  {
    operationId: 'list-channel-hosts',
    handle: (ctx) => {
      const channel = ctx.project.channels.get(ctx.params.channelName);
      if (!channel) return { status: 200, body: { success: true, data: { channel_exist: false } } };
      return { status: 200, body: { success: true, data: { channel_exist: true, mode: 2, broadcasters: users(channel).broadcasters } } };
    },
  },
  {
    operationId: 'get-user-status',
    handle: (ctx) => {
      const user = ctx.project.channels.get(ctx.params.channelName)?.users.get(userKey(Number(ctx.params.uid)));
      if (!user) return { status: 200, body: { success: true, data: { in_channel: false } } };
      return {
        status: 200,
        body: { success: true, data: { join: user.join, uid: user.uid, in_channel: true, platform: user.platform, role: apiRole(user.role) } },
      };
    },
  },
  {
    operationId: 'create-ban-rule',
    check: (ctx) => {
      const body = ctx.body as BanRuleBody;
      const target = targetOf(body);
      // Agora documents no rule without a target; the sandbox refuses one rather than guess whom it bans.
      if (target.cname === undefined && target.uid === undefined && target.ip === undefined) {
        return dialect.invalidParameter('cname', 'a rule needs at least one of cname, uid (not 0) or ip (not empty) to say whom it bans.');
      }
      // A kick keeps no rule, so only a lasting rule counts against the sandbox's cap.
      if (banSeconds(body) > 0 && banRuleSlice.of(ctx.project).rules.size >= CAPS.banRules) {
        return dialect.error(
          429,
          'Resource quota exceeded',
          '',
          `The sandbox keeps at most ${CAPS.banRules} ban rules per App ID. Delete one, or wait for rules to expire.`,
        );
      }
      return null;
    },
    handle: (ctx) => {
      const body = ctx.body as BanRuleBody;
      const state = banRuleSlice.of(ctx.project);
      const target = targetOf(body);
      const privileges = body.privileges ?? [];
      const seconds = banSeconds(body);
      const id = state.nextId++;
      if (seconds === 0) {
        // A kick: the users are set offline and may rejoin at once; there is no rule to list.
        setOffline(ctx, target);
        return { status: 200, body: { status: 'success', id } };
      }
      const rule: BanRule = {
        id,
        appid: body.appid,
        ...target,
        privileges,
        expiresAt: ctx.now + seconds * 1000,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      state.rules.set(id, rule);
      if (privileges.includes('join_channel')) setOffline(ctx, rule);
      return { status: 200, body: { status: 'success', id } };
    },
  },
  {
    operationId: 'list-ban-rules',
    handle: (ctx: HandlerContext) => ({
      status: 200,
      body: { status: 'success', rules: [...banRuleSlice.of(ctx.project).rules.values()].map(describeRule) },
    }),
  },
  {
    operationId: 'update-ban-rule',
    handle: (ctx) => {
      const body = ctx.body as BanRuleBody;
      const rules = banRuleSlice.of(ctx.project).rules;
      const rule = rules.get(Number(body.id));
      if (!rule) return ruleNotFound(body.id);
      const seconds = banSeconds(body);
      rule.updatedAt = ctx.now;
      if (seconds === 0) {
        // 0 ends the rule after setting its users offline, as on create.
        setOffline(ctx, rule);
        rules.delete(rule.id);
        return { status: 200, body: { status: 'success', result: { id: rule.id, ts: iso(ctx.now) } } };
      }
      rule.expiresAt = ctx.now + seconds * 1000;
      return { status: 200, body: { status: 'success', result: { id: rule.id, ts: iso(rule.expiresAt) } } };
    },
  },
  {
    operationId: 'delete-ban-rule',
    handle: (ctx) => {
      const body = ctx.body as BanRuleBody;
      if (!banRuleSlice.of(ctx.project).rules.delete(Number(body.id))) return ruleNotFound(body.id);
      return { status: 200, body: { status: 'success', id: Number(body.id) } };
    },
  },
  {
    operationId: 'query-channel-ncs-ips',
    handle: () => ({
      status: 200,
      body: { data: { service: { hosts: SANDBOX_NCS_IPS.map((primaryIP) => ({ primaryIP })) } } },
    }),
  },
];
