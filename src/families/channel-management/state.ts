/**
 * Channel management's slice of a sandbox project: the ban (kicking) rules.
 * Channels and users are the engine's (every family joins them).
 */
import { defineSlice } from '../../sandbox/family';

/** Caps per App ID. */
export const CAPS = {
  banRules: 100,
} as const;

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

export interface BanRuleState {
  rules: Map<number, BanRule>;
  nextId: number;
}

/**
 * A ban rule that exists from the start: the catalog's update and delete
 * examples name rule 1953, so those testers work before a rule is created.
 */
export const DEMO_BAN_RULE = {
  id: 1953,
  cname: 'demo',
  uid: 789,
  privileges: ['join_channel'],
  /** One day, the longest `time` a rule may have. */
  durationMs: 1440 * 60_000,
} as const;

export const banRuleSlice = defineSlice<BanRuleState>('channel-management', {
  create: (project, now) => {
    const rules = new Map<number, BanRule>();
    rules.set(DEMO_BAN_RULE.id, {
      id: DEMO_BAN_RULE.id,
      appid: project.appId,
      cname: DEMO_BAN_RULE.cname,
      uid: DEMO_BAN_RULE.uid,
      privileges: [...DEMO_BAN_RULE.privileges],
      expiresAt: now + DEMO_BAN_RULE.durationMs,
      createdAt: now,
      updatedAt: now,
    });
    return { rules, nextId: DEMO_BAN_RULE.id + 1 };
  },
  sweep: (state, _project, now) => {
    for (const [id, rule] of state.rules) {
      if (rule.expiresAt <= now) state.rules.delete(id);
    }
  },
});
