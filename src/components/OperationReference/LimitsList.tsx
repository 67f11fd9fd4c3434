import React from 'react';
import type { OperationModel } from '../../catalog/types';
import styles from './styles.module.css';

const seconds = (ms: number) => `${ms / 1000} s`;

/** Rate limits, concurrency and the retry schedule of one operation. */
export default function LimitsList({ op }: { op: OperationModel }): React.JSX.Element {
  const { limits, retry } = op;
  const schedule = retry.delaysMs
    .map(([min, max]) => (min === max ? seconds(min) : `${seconds(min)}-${seconds(max)}`))
    .join(', ');
  return (
    <ul className={styles.limits}>
      {limits.qps.map((row) => (
        <li key={row.scope}>
          <strong>{row.scope}:</strong> {row.text}
        </li>
      ))}
      {limits.concurrentTasks !== undefined && (
        <li>
          <strong>Concurrent tasks:</strong> {limits.concurrentTasks}
        </li>
      )}
      {(limits.notes ?? []).map((note) => (
        <li key={note}>{note}</li>
      ))}
      <li>
        <strong>Retries:</strong> on {retry.retryStatuses.join(', ')} and network failures, wait {schedule}
        {op.idempotent || retry.safeToRepeat ? '' : ' (a 429 always; anything else only when the request never reached the server: this method is not idempotent)'}
        {retry.safeToRepeatWhen ? ` (safe to repeat only when ${retry.safeToRepeatWhen} is set)` : ''}.
      </li>
      {(retry.notes ?? []).map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
