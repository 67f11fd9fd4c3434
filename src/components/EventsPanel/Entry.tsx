import React, { lazy, memo, Suspense, useState } from 'react';
import type { HistoryEntry } from '../AgoraApiTester/history';
import styles from './entry.module.css';

// Everything beyond this line of text loads when it is needed: the panel when opened,
// the count once this tester has made a sandbox call (it counts what an open panel brings).
const Panel = lazy(() => import('./Panel'));
const Count = lazy(() => import('./Count'));

interface Props {
  family: string;
  environment: 'sandbox' | 'live';
  sandboxBase: string;
  /** This tester's history (its requestIds tell which notices its calls caused). */
  entries: readonly HistoryEntry[];
}

/** The tester's compact Events entry: a disclosure with the count of notices its calls caused, opening the panel. */
function EventsEntry({ family, environment, sandboxBase, entries }: Props) {
  const [open, setOpen] = useState(false);
  if (environment === 'live') {
    return <p className={styles.live}>Events: Live notifications go to the webhook configured in Agora Console, not here.</p>;
  }
  const sent = entries.filter((entry) => entry.environment === 'sandbox' && entry.requestId);
  return (
    <details className={styles.entry} onToggle={(event) => setOpen(event.currentTarget.open)} data-events-entry>
      <summary>
        Events{' '}
        {sent.length > 0 && (
          <Suspense fallback={null}>
            <Count sandboxBase={sandboxBase} entries={sent} />
          </Suspense>
        )}
      </summary>
      {open && (
        <Suspense fallback={<p className={styles.loading}>Loading the Events panel…</p>}>
          <Panel sandboxBase={sandboxBase} family={family} />
        </Suspense>
      )}
    </details>
  );
}

// Memoised: a Send re-renders the tester twice (sending, answered); this entry changes only with the tester's own history.
export default memo(EventsEntry);
