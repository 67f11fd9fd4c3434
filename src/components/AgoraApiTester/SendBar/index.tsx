import React, { useEffect, useId, useRef, useState } from 'react';
import clsx from 'clsx';
import { fieldStyles } from '../Field';
import { FAULTS, type Fault } from '../envelope';
import { useCopy } from '../CodeView/useCopy';
import { useElapsed } from './useElapsed';
import styles from './styles.module.css';

interface Props {
  sending: boolean;
  startedAt?: number;
  problems: string[];
  sandbox: boolean;
  /** When set, Send first asks this question (Live mode on a call Agora does not publish). */
  liveWarning?: string;
  fault: Fault;
  onFault: (fault: Fault) => void;
  onSend: (force: boolean) => void;
  onCancel: () => void;
  /** Builds the share link (and puts it in the address bar). */
  shareLink: () => string;
}

/** Send / Cancel with elapsed time, the blocked-send summary, the Simulate menu and Copy link. */
export default function SendBar({ sending, startedAt, problems, sandbox, liveWarning, fault, onFault, onSend, onCancel, shareLink }: Props) {
  const summaryId = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  // Asking again after the question stops applying (back to the sandbox, another host) would be stale.
  useEffect(() => setConfirming(false), [liveWarning]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const send = () => {
    if (liveWarning && !confirming) setConfirming(true);
    else onSend(false);
  };
  const elapsed = useElapsed(sending ? startedAt : undefined);
  const link = useCopy();
  const blocked = problems.length > 0;
  return (
    <div className={styles.bar}>
      <div className={styles.row}>
        {sending ? (
          <>
            <span className={styles.spinner} aria-hidden="true" />
            <span className={styles.elapsed}>Sending… {(elapsed / 1000).toFixed(1)} s</span>
            <button type="button" className="button button--secondary" onClick={onCancel}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className={clsx('button button--primary', blocked && styles.blocked)}
            aria-disabled={blocked || undefined}
            aria-describedby={blocked ? summaryId : undefined}
            onClick={() => (blocked ? summaryRef.current?.focus() : send())}
          >
            Send request
          </button>
        )}
        {sandbox && (
          <label className={styles.simulate}>
            Simulate
            <select className={fieldStyles.control} value={fault} disabled={sending} onChange={(event) => onFault(event.target.value as Fault)}>
              {FAULTS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button button--link button--sm" onClick={() => link.copy(shareLink())}>
          Copy link
        </button>
        <span role="status" className={styles.linkStatus}>
          {link.copied ? 'Link copied' : link.failed ? 'The link is in the address bar' : ''}
        </span>
      </div>
      {confirming && liveWarning && !sending && (
        <div role="alertdialog" aria-label="Send to Agora?" className={styles.confirm}>
          <p>{liveWarning}</p>
          <button
            ref={confirmRef}
            type="button"
            className="button button--sm button--warning"
            onClick={() => {
              setConfirming(false);
              onSend(false);
            }}
          >
            Send to Agora anyway
          </button>{' '}
          <button type="button" className="button button--sm button--secondary" onClick={() => setConfirming(false)}>
            Don&apos;t send
          </button>
        </div>
      )}
      {blocked && !sending && (
        <div id={summaryId} ref={summaryRef} tabIndex={-1} className={styles.summary}>
          <p>Send is blocked until {problems.length === 1 ? 'this is fixed' : `these ${problems.length} are fixed`}:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <button type="button" className="button button--sm button--outline button--danger" onClick={() => onSend(true)}>
            Send anyway
          </button>
          <span className={styles.hint}> to see how the server answers.</span>
        </div>
      )}
    </div>
  );
}
