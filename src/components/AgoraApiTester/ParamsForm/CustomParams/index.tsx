import React, { useEffect, useId, useRef, useState } from 'react';
import clsx from 'clsx';
import { fieldStyles } from '../../Field';
import { customKey } from '../../formModel';
import type { CustomLocation, CustomParam } from '../../../../request/customParams';
import styles from './styles.module.css';

interface Props {
  rows: readonly CustomParam[];
  /** Inline messages by form key (`custom.0`): the relay's reason when a row would be refused. */
  errors: Record<string, string[]>;
  onAdd: (location: CustomLocation) => void;
  onChange: (index: number, change: Partial<CustomParam>) => void;
  onRemove: (index: number) => void;
}

/**
 * The reader's own headers and query parameters, beyond the catalog's: set
 * apart from the catalog's parameters, and checked with the relay's rule
 * (src/request/customParams.ts) as they are typed, so a row the relay would
 * refuse says why before Send.
 */
export default function CustomParams({ rows, errors, onAdd, onChange, onRemove }: Props) {
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // After Add, the new row's name; after Remove, the row now in its place, or Add when none is left.
  const focusRow = useRef<number | null>(null);
  // A restored form with custom rows opens the section, so they are never sent unseen.
  useEffect(() => {
    if (rows.length > 0) setOpen(true);
  }, [rows.length > 0]);
  useEffect(() => {
    if (focusRow.current === null) return;
    const names = listRef.current?.querySelectorAll<HTMLInputElement>('input[data-custom-name]') ?? [];
    (names[Math.min(focusRow.current, names.length - 1)] ?? addRef.current)?.focus();
    focusRow.current = null;
  }, [rows.length]);
  const add = (location: CustomLocation) => {
    focusRow.current = rows.length;
    setOpen(true);
    onAdd(location);
  };
  return (
    <details className={styles.custom} data-custom-params="" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Custom headers / query{rows.length > 0 && ` (${rows.length})`} <span className={styles.tag}>not in the catalog</span>
      </summary>
      <p id={`${id}-rule`} className={styles.note}>
        Sent after the catalog&apos;s parameters. The relay forwards <code>X-</code> headers and plain query parameters, up to 10 of each;
        never credentials (use Credentials), Host, cookies, <code>X-Forwarded-*</code> or <code>X-Sandbox-*</code> (use Simulate).
      </p>
      <div ref={listRef}>
        {rows.map((row, index) => {
          const rowErrors = errors[customKey(index)] ?? [];
          const errorId = `${id}-${index}-error`;
          const control = {
            'aria-invalid': rowErrors.length > 0 || undefined,
            'aria-describedby': rowErrors.length ? errorId : undefined,
          };
          const n = index + 1;
          return (
            // Rows have no identity of their own; a removed row's controls go to the row that takes its place.
            <div key={index} role="group" aria-label={`Custom row ${n}`} className={clsx(styles.row, rowErrors.length > 0 && fieldStyles.invalid)}>
              <select
                className={clsx(fieldStyles.control, styles.kind)}
                aria-label={`Row ${n} sends a`}
                value={row.in}
                onChange={(event) => onChange(index, { in: event.target.value as CustomLocation })}
              >
                <option value="header">Header</option>
                <option value="query">Query parameter</option>
              </select>
              <input
                {...control}
                data-custom-name=""
                className={clsx(fieldStyles.control, styles.name)}
                type="text"
                spellCheck={false}
                autoComplete="off"
                aria-label={`Row ${n} name`}
                placeholder={row.in === 'header' ? 'X-Trace-Id' : 'name'}
                value={row.name}
                onChange={(event) => onChange(index, { name: event.target.value })}
              />
              <input
                {...control}
                className={clsx(fieldStyles.control, styles.value)}
                type="text"
                spellCheck={false}
                autoComplete="off"
                aria-label={`Row ${n} value`}
                placeholder="value"
                value={row.value}
                onChange={(event) => onChange(index, { value: event.target.value })}
              />
              <button
                type="button"
                className={clsx('button button--sm button--secondary', styles.remove)}
                aria-label={`Remove row ${n}`}
                onClick={() => {
                  focusRow.current = index;
                  onRemove(index);
                }}
              >
                Remove
              </button>
              {rowErrors.length > 0 && (
                <ul id={errorId} className={clsx(fieldStyles.errors, styles.errors)}>
                  {rowErrors.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
      <div className={styles.actions}>
        <button ref={addRef} type="button" className="button button--sm button--outline button--primary" aria-describedby={`${id}-rule`} onClick={() => add('header')}>
          Add header
        </button>
        <button type="button" className="button button--sm button--outline button--primary" aria-describedby={`${id}-rule`} onClick={() => add('query')}>
          Add query parameter
        </button>
      </div>
    </details>
  );
}
