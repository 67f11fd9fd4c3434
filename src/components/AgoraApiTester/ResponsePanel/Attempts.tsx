import React from 'react';
import type { RelayAttempt } from '../../../relay/contract';
import { whyAttempts } from '../explain';
import { formatMs } from '../phase';
import Inspector from './Inspector';
import { TesterHeading } from '../headings';
import styles from './styles.module.css';

/** Why the relay made this many attempts, in its own words; a note named by its heading. */
function Why({ attempts, note }: { attempts: RelayAttempt[]; note?: string }) {
  const why = whyAttempts(attempts, note);
  if (!why) return null;
  return (
    <div role="note" aria-label={why.heading} className={styles.why}>
      {why.reasons.length === 1 ? (
        <p>
          <strong>{why.heading}:</strong> {why.reasons[0]}
        </p>
      ) : (
        <>
          <p>
            <strong>{why.heading}:</strong>
          </p>
          <ul>
            {why.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * Every attempt the relay made: host, status or error, the back-off wait
 * before it, its time, and the request it sent (the inspector); above them,
 * why there were this many.
 */
export default function Attempts({ attempts, note }: { attempts: RelayAttempt[]; note?: string }) {
  if (attempts.length === 0) return null;
  return (
    <div className={styles.section}>
      <TesterHeading sub className={styles.heading}>
        Attempts <span className={styles.count}>({attempts.length})</span>
      </TesterHeading>
      <Why attempts={attempts} note={note} />
      <ol className={styles.attempts} aria-label="Attempts">
        {attempts.map((attempt, index) => {
          const ok = attempt.status !== null && attempt.status < 400;
          return (
            <li key={index} className={ok ? styles.ok : styles.bad}>
              <code>{attempt.host}</code> <strong>{attempt.status ?? attempt.error?.kind ?? 'failed'}</strong>
              {attempt.error && <span className={styles.muted}> — {attempt.error.message}</span>}
              <span className={styles.muted}>
                {' '}
                · waited {formatMs(attempt.waitMs)} · took {formatMs(attempt.durationMs)}
              </span>
              {attempt.request && <Inspector request={attempt.request} number={index + 1} />}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
