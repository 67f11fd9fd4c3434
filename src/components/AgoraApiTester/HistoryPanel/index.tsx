import React from 'react';
import type { HistoryEntry } from '../history';
import styles from './styles.module.css';

interface Props {
  entries: HistoryEntry[];
  onOpen: (entry: HistoryEntry) => void;
  onClear: () => void;
}

/** This tester's past requests (no credentials); "Open" puts one back in the form. */
export default function HistoryPanel({ entries, onOpen, onClear }: Props) {
  if (entries.length === 0) return null;
  return (
    <details className={styles.history}>
      <summary>History ({entries.length})</summary>
      <ol className={styles.list}>
        {entries.map((entry) => (
          <li key={entry.id}>
            <span className={styles.time}>{new Date(entry.at).toLocaleTimeString()}</span>{' '}
            <span className={styles.env}>{entry.environment}</span> <strong>{entry.outcome}</strong>{' '}
            <button
              type="button"
              className="button button--link button--sm"
              aria-label={`Open the request sent at ${new Date(entry.at).toLocaleTimeString()}`}
              onClick={() => onOpen(entry)}
            >
              Open
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--sm button--outline button--secondary" onClick={onClear}>
        Clear history
      </button>
    </details>
  );
}
