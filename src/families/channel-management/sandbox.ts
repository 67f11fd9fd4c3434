/**
 * Channel management: reads the channels and users that the other calls put in
 * the store (guide create-channel, a running recording, a cloud player, plus two
 * seeded demo channels), and keeps ban rules: stored, listed, updated, deleted,
 * expired on time. A join_channel rule removes the users it covers from their
 * channels when it is created (later joins are not refused).
 */
import { leaveChannel, type Channel } from '../../sandbox/store';
import type { HandlerContext, OperationHandler, SandboxResult } from '../../sandbox/types';
import { channelManagementDialect as dialect } from './dialect';
import { CAPS, banRuleSlice, type BanRule } from './state';

/** Ban length when the request gives neither `time` nor `time_in_seconds` (Agora: 60 minutes). */
const DEFAULT_BAN_MINUTES = 60;

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

function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const value = query.get(name);
  return value === null || value === '' ? fallback : Number(value);
}

/** Seconds a rule lasts: `time_in_seconds` wins over `time` (minutes) when both are sent. */
function banSeconds(body: BanRuleBody): number {
  if (body.time_in_seconds !== undefined) return body.time_in_seconds;
  return (body.time ?? DEFAULT_BAN_MINUTES) * 60;
}

/** Channel-management roles: 2 = host, 3 = audience in a live-broadcast channel. */
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
  return { status: 404, body: { message: `rule not found: no ban rule has id ${String(id)}; list the rules to see their ids.` } };
}

/** A join_channel ban removes the users it covers from their channels, as Agora does. */
function kick(ctx: HandlerContext, rule: BanRule): void {
  if (!rule.privileges.includes('join_channel') || (rule.cname === undefined && rule.uid === undefined)) return;
  for (const channel of [...ctx.project.channels.values()]) {
    if (rule.cname !== undefined && channel.name !== rule.cname) continue;
    for (const user of [...channel.users.values()]) {
      if (rule.uid === undefined || user.uid === rule.uid) leaveChannel(ctx.project, channel.name, user.uid);
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

export const channelManagementHandlers: OperationHandler[] = [
  {
    operationId: 'list-channels',
    handle: (ctx) => {
      const pageNo = intParam(ctx.query, 'page_no', 0);
      const pageSize = intParam(ctx.query, 'page_size', 100);
      const channels = [...ctx.project.channels.values()];
      const page = channels.slice(pageNo * pageSize, pageNo * pageSize + pageSize);
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
      // Every sandbox channel is a live-broadcast channel (mode 2), which Media Pull requires.
      return {
        status: 200,
        body: { success: true, data: { channel_exist: true, mode: 2, broadcasters, audience, audience_total: audience.length } },
      };
    },
  },
  {
    operationId: 'get-user-status',
    handle: (ctx) => {
      const user = ctx.project.channels.get(ctx.params.channelName)?.users.get(ctx.params.uid);
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
      if (body.cname === undefined && body.uid === undefined && body.ip === undefined) {
        return dialect.invalidParameter('cname', 'a rule needs at least one of cname, uid or ip to say whom it bans.');
      }
      if (banRuleSlice.of(ctx.project).rules.size >= CAPS.banRules) {
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
      const id = state.nextId++;
      const rule: BanRule = {
        id,
        appid: body.appid,
        cname: body.cname,
        uid: body.uid,
        ip: body.ip,
        privileges: body.privileges ?? ['join_channel'],
        expiresAt: ctx.now + banSeconds(body) * 1000,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      state.rules.set(id, rule);
      kick(ctx, rule);
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
      const rule = banRuleSlice.of(ctx.project).rules.get(Number(body.id));
      if (!rule) return ruleNotFound(body.id);
      rule.expiresAt = ctx.now + banSeconds(body) * 1000;
      rule.updatedAt = ctx.now;
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
];
