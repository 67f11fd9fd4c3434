import React, { useId, useState } from 'react';
import clsx from 'clsx';
import { getOperation, hasOperation } from '../../../catalog';
import { clockTime } from '../clock';
import { entrySummary, type HistoryEntry } from '../history';
import styles from './styles.module.css';

interface Props {
  entries: readonly HistoryEntry[];
  onOpen: (entry: HistoryEntry) => void;
  onClear: () => void;
}

function tone(entry: HistoryEntry): string | undefined {
  if (entry.kind === 'cancelled') return styles.cancelled;
  return entry.kind === 'failed' || (entry.status ?? 0) >= 400 ? styles.bad : styles.good;
}

/** One past request as one button: method, path with its values, key parameters, outcome, environment, time. */
function Entry({ entry, onOpen, hintId }: { entry: HistoryEntry; onOpen: () => void; hintId: string }) {
  const op = hasOperation(entry.request.operationId) ? getOperation(entry.request.operationId) : undefined;
  const summary = op && entrySummary(entry, op);
  return (
    <button type="button" className={styles.entry} onClick={onOpen} aria-describedby={hintId} data-history-id={entry.id}>
      {summary ? (
        <span className={styles.request}>
          <span className={styles.method}>{summary.method}</span> <span className={styles.path}>{summary.path}</span>
          {summary.params.length > 0 && (
            <span className={styles.params}>
              {' '}
              {summary.params.map((param) => `${param.name}=${param.value}`).join(' ')}
            </span>
          )}
        </span>
      ) : (
        <span className={styles.request}>{entry.request.operationId}</span>
      )}
      <span className={styles.meta}>
        <strong className={tone(entry)}>{entry.outcome}</strong> · <span className={styles.env}>{entry.environment === 'live' ? 'Live' : 'Sandbox'}</span> ·{' '}
        <time dateTime={new Date(entry.at).toISOString()} className={styles.time}>
          {clockTime(entry.at)}
        </time>
      </span>
    </button>
  );
}

/** This tester's past requests, answered, failed or cancelled (no credentials, no secret fields); a click puts one back in the form. */
export default function HistoryPanel({ entries, onOpen, onClear }: Props) {
  const hintId = useId();
  const [restored, setRestored] = useState('');
  if (entries.length === 0) return null;
  return (
    <details className={styles.history}>
      <summary>History ({entries.length})</summary>
      <p id={hintId} className={styles.hint}>
        Choose a request to put it back in the form. Credentials and secret fields are never kept.
      </p>
      <ol className={styles.list} aria-label="Request history">
        {entries.map((entry) => (
          <li key={entry.id}>
            <Entry
              entry={entry}
              hintId={hintId}
              onOpen={() => {
                onOpen(entry);
                setRestored(`The request sent at ${clockTime(entry.at)} is back in the form.`);
              }}
            />
          </li>
        ))}
      </ol>
      <p role="status" className={clsx(styles.hint, !restored && styles.empty)}>
        {restored}
      </p>
      <button type="button" className="button button--sm button--outline button--secondary" onClick={onClear}>
        Clear history
      </button>
    </details>
  );
}
