/**
 * The site's security rules in one place, for every runtime form: which
 * `Host` a request may name (DNS rebinding), the headers every answer carries,
 * and the pages' Content-Security-Policy. Pure (Web Crypto only), so the Node
 * listener, the Fetch handler, the static server and their tests share it.
 */
import { ALLOWED_HOSTS_ENV, isAllowedHost, parseHostList, type HostList } from '../relay/core/cors';
import type { PlainAnswer, Route } from './routes';

export { ALLOWED_HOSTS_ENV, isAllowedHost, parseHostList, type HostList };

/** The env var that turns HSTS on: `1` for a year, or a max-age in seconds. Only behind TLS. */
export const HSTS_ENV = 'SITE_HSTS';

const ONE_YEAR_SECONDS = 31_536_000;

/**
 * The answer for a request whose `Host` is not one of the deployment's hosts.
 * 421 Misdirected Request (RFC 9110 §15.5.20): this server is not the one for
 * that name, which is exactly the DNS-rebinding case; browsers do not retry it.
 */
export function hostRefusal(host: string | null | undefined): PlainAnswer {
  // The refused name is not echoed: it is attacker-chosen text.
  const message = `This server does not answer for the host this request names${host ? '' : ' (none was sent)'}. If it is yours, add it to ${ALLOWED_HOSTS_ENV} (comma-separated host[:port], e.g. docs.example.com or docs.example.com:8443); the default allows only localhost, 127.0.0.1 and [::1].`;
  return {
    status: 421,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...securityHeaders({}) },
    body: JSON.stringify({ error: { code: 'host_not_allowed', message } }),
  };
}

/** `Strict-Transport-Security` from `SITE_HSTS`, or null when off (the default: plain-HTTP localhost must keep working). */
export function hstsHeader(value: string | undefined): string | null {
  if (!value || value === '0') return null;
  const seconds = value === '1' ? ONE_YEAR_SECONDS : Number(value);
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw new Error(`${HSTS_ENV} must be 1 (one year) or a max-age in seconds, not "${value}".`);
  }
  return `max-age=${seconds}; includeSubDomains`;
}

/**
 * Headers for every answer (pages, assets, relay, sandbox): no MIME sniffing,
 * no framing by other sites (the guide was framed by a foreign page), no full
 * URLs in Referer to other sites, no powerful browser features, and HSTS when
 * configured. `env` is the deployment's settings.
 */
export function securityHeaders(env: Record<string, string | undefined>): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    // The docs use none of these; clipboard-write is not listed because the copy buttons need it (same origin only).
    'permissions-policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  };
  const hsts = hstsHeader(env[HSTS_ENV]);
  if (hsts) headers['strict-transport-security'] = hsts;
  return headers;
}

/** CSP for answers that are data, not documents (relay, sandbox): nothing may load, nothing may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers per part of the site, computed once per site: the common ones for
 * all, plus API_CSP for the relay and the sandbox. Pages get their CSP from the
 * static server, which knows each page's inline scripts.
 */
export function headersByRoute(env: Record<string, string | undefined>): Record<Route, Record<string, string>> {
  const common = securityHeaders(env);
  const api = { ...common, 'content-security-policy': API_CSP };
  return { relay: api, sandbox: api, static: common };
}

/**
 * The pages' CSP. Scripts are the site's own files plus the build's inline
 * scripts by hash (Docusaurus emits inline scripts for the color mode and the
 * base-URL banner; hashes avoid both 'unsafe-inline' and per-request nonces in
 * static files). Styles need 'unsafe-inline': the build has `style="…"`
 * attributes and Monaco injects <style> elements. Monaco's JSON worker is a
 * bundled file ('self'); blob: covers Monaco's fallback of wrapping a worker URL.
 * Images and fonts allow data: for the theme's inline SVG icons.
 */
export function pageContentSecurityPolicy(inlineScriptHashes: readonly string[]): string {
  // No 'unsafe-eval': the browser's request checks are compiled at build time (src/catalog/checks.ts),
  // so nothing on a page builds code from strings. Injected markup cannot run either: inline scripts
  // need a hash and no other origin may serve script.
  const scripts = ["'self'", ...[...new Set(inlineScriptHashes)].sort().map((hash) => `'sha256-${hash}'`)];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Inline `<script>` bodies of an HTML page (no `src`), the ones a CSP must allow by hash. */
export function inlineScripts(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\ssrc\s*=/i.test(` ${match[1]}`)) found.push(match[2]);
  }
  return found;
}

/** Base64 SHA-256 of a script body, as CSP's `'sha256-…'` expects (UTF-8 bytes of the exact text). */
export async function scriptHash(source: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(source));
  // btoa, not Buffer: this module also runs in Workers.
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

/** The CSP for one HTML page: its own inline scripts allowed by hash, nothing else inline. */
export async function contentSecurityPolicyFor(html: string): Promise<string> {
  return pageContentSecurityPolicy(await Promise.all(inlineScripts(html).map(scriptHash)));
}
