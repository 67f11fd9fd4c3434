/**
 * Which origins count as the site itself, and CORS for configured site origins.
 *
 * The request's `Host` header is never trusted here: under DNS rebinding a
 * foreign page reaches this server under its own name, so `Host` and `Origin`
 * agree (`rebind.evil:3000`) while the page is not ours. The site's hosts are
 * configuration instead (`SITE_ALLOWED_HOSTS`). The host rule lives in the
 * relay core, the lowest layer, so the site's Host check (`src/site/security.ts`)
 * and the relay's Origin check share it without the core importing the site.
 */

/** The env var naming the hosts a deployment is served under (README, "Security headers and hosts"). */
export const ALLOWED_HOSTS_ENV = 'SITE_ALLOWED_HOSTS';

/** What a deployment accepts when nothing is configured: this machine only, on any port. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** One allowed host: a name (or bracketed IPv6 address) and a port, `null` meaning any port. */
export interface HostRule {
  name: string;
  port: string | null;
}

/** An allowed-host list; `any` is the explicit `*` opt-out for platforms that route by host themselves. */
export type HostList = { any: true } | { any: false; rules: HostRule[] };

/** Split `host[:port]` into a lower-case name without a trailing dot and the port; null when malformed. */
export function splitHost(value: string): HostRule | null {
  const text = value.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return null;
  const name = match[1].replace(/\.$/, '');
  return name ? { name, port: match[2] ?? null } : null;
}

/** Parse a comma-separated `host[:port]` list (unset or empty: the loopback names). Throws on a bad entry, naming it. */
export function parseHostList(value: string | undefined): HostList {
  const entries = (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return { any: false, rules: LOOPBACK_HOSTS.map((name) => ({ name, port: null })) };
  if (entries.includes('*')) return { any: true };
  const rules = entries.map((entry) => {
    const rule = splitHost(entry);
    if (!rule) throw new Error(`${ALLOWED_HOSTS_ENV} has an entry "${entry}" that is not host[:port] (e.g. docs.example.com or localhost:3000).`);
    return rule;
  });
  return { any: false, rules };
}

/** Whether a `Host` header value (or an origin's host) is on the list; a missing or malformed host never is. */
export function isAllowedHost(list: HostList, host: string | null | undefined): boolean {
  if (list.any) return true;
  const given = host ? splitHost(host) : null;
  if (!given) return false;
  return list.rules.some((rule) => rule.name === given.name && (rule.port === null || rule.port === given.port));
}

/**
 * Whether `origin` is the site itself: its host is one of the site's hosts. The
 * scheme is not compared because a TLS-terminating proxy serves the page as
 * `https:` while this server sees `http:`. `null` (sandboxed frames, file:) never is.
 */
export function isSiteOrigin(origin: string, siteHosts: HostList): boolean {
  if (siteHosts.any) return false; // `*` opens the Host check only; the site's origin must then come from RELAY_ALLOWED_ORIGINS.
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isAllowedHost(siteHosts, url.host);
  } catch {
    return false;
  }
}

export function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'X-Request-ID, X-Resource-ID, Retry-After',
    vary: 'Origin',
  };
}

/** Added to a preflight answer for an allowed origin. */
export const PREFLIGHT_HEADERS: Record<string, string> = {
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'Content-Type',
  'access-control-max-age': '600',
};
