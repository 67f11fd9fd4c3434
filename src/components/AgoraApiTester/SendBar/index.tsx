import React, { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import clsx from 'clsx';
import { fieldStyles } from '../Field';
import { FAULTS, type Fault } from '../envelope';
import CopyLink from './CopyLink';
import type { SendResult } from './result';
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
  /** Builds the share link (the request and the Simulate choice); the address bar is left alone. */
  shareLink: () => string;
  /** The last answer, once there is one: a summary and "View response" appear in the line under Send. */
  result?: SendResult;
  /** Moves focus (and the view) to the response. */
  onViewResponse?: () => void;
}

/**
 * Send / Cancel; under it a line with the elapsed time, then the last result
 * with "View response" ("No answer yet" before the first send); the Simulate
 * menu and Copy link; the blocked-send summary.
 *
 * Send and Cancel are one button that changes its label, never unmounts, so
 * keyboard focus stays on it through sending, cancelling and completion, and
 * "View response" is the next Tab stop. Everything that closes while focused
 * (the Live question, "Send anyway") hands focus back to it first.
 */
export default function SendBar({ sending, startedAt, problems, sandbox, liveWarning, fault, onFault, onSend, onCancel, shareLink, result, onViewResponse }: Props) {
  const summaryId = useId();
  const resultId = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
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
  /** Close a part that holds focus: focus goes back to Send/Cancel rather than to the page. */
  const back = () => buttonRef.current?.focus();
  const elapsed = useElapsed(sending ? startedAt : undefined);
  const blocked = problems.length > 0;
  const onMain = (event: MouseEvent<HTMLButtonElement>) => {
    // The second click of a double click on Send would otherwise cancel what the first one sent.
    if (sending) {
      if (event.detail <= 1) onCancel();
    } else if (blocked) summaryRef.current?.focus();
    else send();
  };
  return (
    <div className={styles.bar}>
      <div className={styles.row}>
        <button
          ref={buttonRef}
          type="button"
          className={clsx('button', sending ? 'button--secondary' : 'button--primary', styles.main, blocked && !sending && styles.blocked)}
          aria-disabled={(blocked && !sending) || undefined}
          aria-describedby={blocked && !sending ? summaryId : undefined}
          onClick={onMain}
        >
          {sending ? 'Cancel' : 'Send request'}
        </button>
        {/*
          One line for the send's progress, then its result, there from the start: the first answer used to add a
          line to this row, so the tester grew and the page below it moved and was laid out and painted again (the
          README's "A line under Send that keeps the tester's height"). Simulate and Copy link follow it.
        */}
        <div className={styles.outcome}>
          {sending ? (
            <span className={styles.progress}>
              <span className={styles.spinner} aria-hidden="true" />
              <span className={styles.elapsed}>Sending… {(elapsed / 1000).toFixed(1)} s</span>
            </span>
          ) : result ? (
            <span className={styles.result}>
              <button type="button" className="button button--sm button--outline button--primary" aria-describedby={resultId} onClick={onViewResponse}>
                View response
              </button>
              <span id={resultId} className={clsx(styles.resultText, styles[result.tone])}>
                {result.text}
              </span>
            </span>
          ) : (
            <span className={styles.idle}>No answer yet</span>
          )}
        </div>
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
        <CopyLink shareLink={shareLink} fault={fault} />
      </div>
      {confirming && liveWarning && !sending && (
        <div role="alertdialog" aria-label="Send to Agora?" className={styles.confirm}>
          <p>{liveWarning}</p>
          <button
            ref={confirmRef}
            type="button"
            className="button button--sm button--warning"
            onClick={() => {
              back();
              setConfirming(false);
              onSend(false);
            }}
          >
            Send to Agora anyway
          </button>{' '}
          <button
            type="button"
            className="button button--sm button--secondary"
            onClick={() => {
              back();
              setConfirming(false);
            }}
          >
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
          <button
            type="button"
            className={clsx('button button--sm button--outline button--danger', styles.anyway)}
            onClick={() => {
              back();
              onSend(true);
            }}
          >
            Send anyway
          </button>
          <span className={styles.hint}> to see how the server answers.</span>
        </div>
      )}
    </div>
  );
}
