import React from 'react';
import type { NoticeRecord } from '../../sandbox/events/types';
import { clockTime } from '../AgoraApiTester/clock';
import { Link } from '../AgoraApiTester/site';
import styles from './styles.module.css';

const STATE_WORDS = { delivered: 'Delivered', failed: 'Failed: no 200 from any attempt', pending: 'Pending' } as const;

/** Where the notice was POSTed and how each attempt went; or why it went nowhere. */
export default function Delivery({ delivery, target }: { delivery: NoticeRecord['delivery']; target: string | null | undefined }) {
  if (!delivery) {
    return (
      <p className={styles.muted}>
        {target
          ? `Not POSTed: this project had no webhook target when it was released (it has ${target} now).`
          : 'Not POSTed anywhere: no webhook target is set for this sandbox, so it is shown here only. '}
        {!target && <Link to="/docs/webhooks">How to send notifications to your server</Link>}
      </p>
    );
  }
  return (
    <div>
      <p className={styles.delivery} data-delivery-state={delivery.state}>
        To <code>{delivery.target}</code>: <strong>{STATE_WORDS[delivery.state]}</strong>
        {delivery.state === 'pending' && delivery.nextAt !== undefined && <> · next attempt at {clockTime(delivery.nextAt)}</>}
      </p>
      {delivery.attempts.length > 0 && (
        <ol className={styles.attempts} aria-label="Delivery attempts">
          {delivery.attempts.map((attempt) => (
            <li key={attempt.n}>
              Attempt {attempt.n} at {clockTime(attempt.at)}: {attempt.status !== undefined ? `HTTP ${attempt.status}` : (attempt.error ?? 'no answer')} ·{' '}
              {Math.round(attempt.ms)} ms{attempt.note ? ` · ${attempt.note}` : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
