import React, { useId } from 'react';
import styles from './styles.module.css';

interface Props {
  query: string;
  onQuery: (query: string) => void;
  count: number;
  /** Index of the current match, -1 when none. */
  current: number;
  onNext: () => void;
  onPrevious: () => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}

/** Find in the body (Enter: next, Shift+Enter: previous, Escape: clear), the match count, and fold-all controls. */
export default function SearchBar({ query, onQuery, count, current, onNext, onPrevious, onExpandAll, onCollapseAll }: Props) {
  const inputId = useId();
  const none = count === 0;
  return (
    <div className={styles.toolbar}>
      <label htmlFor={inputId} className={styles.findLabel}>
        Find
      </label>
      <input
        id={inputId}
        type="search"
        className={styles.find}
        value={query}
        placeholder="key or value"
        aria-label="Find in response body"
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (event.shiftKey) onPrevious();
            else onNext();
          } else if (event.key === 'Escape' && query) {
            event.preventDefault();
            onQuery('');
          }
        }}
      />
      <span role="status" className={styles.count}>
        {query.trim() ? (none ? 'No matches' : `${current + 1} of ${count}`) : ''}
      </span>
      <button type="button" className={styles.tool} onClick={onPrevious} disabled={none} aria-label="Previous match">
        Previous
      </button>
      <button type="button" className={styles.tool} onClick={onNext} disabled={none} aria-label="Next match">
        Next
      </button>
      <button type="button" className={styles.tool} onClick={onExpandAll}>
        Expand all
      </button>
      <button type="button" className={styles.tool} onClick={onCollapseAll}>
        Collapse all
      </button>
    </div>
  );
}
