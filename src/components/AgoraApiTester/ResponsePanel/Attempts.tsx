import React from 'react';
import type { RelayAttempt } from '../../../relay/contract';
import { formatMs } from '../phase';
import styles from './styles.module.css';

/** Every attempt the relay made: host, status or error, the back-off wait before it, and its time. */
export default function Attempts({ attempts }: { attempts: RelayAttempt[] }) {
  if (attempts.length === 0) return null;
  return (
    <div className={styles.section}>
      <h5 className={styles.heading}>
        Attempts <span className={styles.count}>({attempts.length})</span>
      </h5>
      <ol className={styles.attempts} aria-label="Attempts">
        {attempts.map((attempt, index) => {
          const ok = attempt.status !== null && attempt.status < 400;
          return (
            <li key={index} className={ok ? styles.ok : styles.bad}>
              <code>{attempt.host}</code>{' '}
              <strong>{attempt.status ?? attempt.error?.kind ?? 'failed'}</strong>
              {attempt.error && <span className={styles.muted}> — {attempt.error.message}</span>}
              <span className={styles.muted}>
                {' '}
                · waited {formatMs(attempt.waitMs)} · took {formatMs(attempt.durationMs)}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
