import React from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';
import { useViewPrefs } from '../stores/viewPrefs';
import { clockTime } from '../clock';

const HIGHLIGHT = /^(x-ratelimit-.*|x-request-id|x-resource-id|retry-after)$/i;

/**
 * Header names are ASCII, so code-unit order is alphabetical order; `localeCompare` would build the browser's
 * collator on the first answer with its headers open (several milliseconds on a slow phone, see ../clock.ts).
 */
function byCodeUnit(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** Remaining quota from X-RateLimit-Limit / -Remaining, or undefined when absent. */
export function quota(headers: Record<string, string>): { limit: number; remaining: number; reset?: number } | undefined {
  const limit = Number(header(headers, 'x-ratelimit-limit'));
  const remaining = Number(header(headers, 'x-ratelimit-remaining'));
  if (!Number.isFinite(limit) || !Number.isFinite(remaining) || limit <= 0) return undefined;
  const reset = Number(header(headers, 'x-ratelimit-reset'));
  return { limit, remaining, reset: Number.isFinite(reset) ? reset : undefined };
}

/**
 * Response headers, the rate-limit and id headers highlighted, with a
 * remaining-quota meter. Open or closed as the reader last left them (the
 * panel is rebuilt on every send, so the state lives in the tab's view prefs).
 */
export default function Headers({ headers }: { headers: Record<string, string> }) {
  const [prefs, setPrefs] = useViewPrefs();
  const entries = Object.entries(headers).sort(([a], [b]) => Number(HIGHLIGHT.test(b)) - Number(HIGHLIGHT.test(a)) || byCodeUnit(a, b));
  const limits = quota(headers);
  return (
    <div className={styles.section}>
      {limits && (
        <p className={styles.quota}>
          <label>
            Remaining quota: {limits.remaining} of {limits.limit} requests
            <meter min={0} max={limits.limit} low={limits.limit * 0.2} optimum={limits.limit} value={limits.remaining} />
          </label>
          {limits.reset !== undefined && limits.reset > 1e9 && (
            <span className={styles.muted}> · resets at {clockTime(limits.reset * 1000)}</span>
          )}
        </p>
      )}
      <details
        open={prefs.headersOpen}
        onToggle={(event) => {
          // Also fires when React applies `open`; only the reader's own toggle changes the preference.
          if (event.currentTarget.open !== prefs.headersOpen) setPrefs({ headersOpen: event.currentTarget.open });
        }}
      >
        <summary className={styles.heading}>Headers ({entries.length})</summary>
        <dl className={styles.headers}>
          {entries.map(([name, value]) => (
            <div key={name} className={clsx(HIGHLIGHT.test(name) && styles.highlight)}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
