import React, { lazy, Suspense, useEffect } from 'react';
import clsx from 'clsx';
import { statusText, type Phase } from '../phase';
import styles from './styles.module.css';

const loadDetails = () => import('./Details');
const Details = lazy(loadDetails);

/** Status (announced), then the answer's details: explanation, attempts, headers and body. */
export default function ResponsePanel({ phase, onDetailsShown }: { phase: Phase; onDetailsShown?: () => void }) {
  // The details' code is fetched while the first request is under way, so the answer does not wait for it.
  const sending = phase.kind === 'sending';
  useEffect(() => {
    if (sending) void loadDetails();
  }, [sending]);
  const result = phase.kind === 'done' ? phase.result : undefined;
  const tone = result ? (result.status < 300 ? styles.success : styles.error) : phase.kind === 'failed' ? styles.error : undefined;
  return (
    <section className={styles.panel} aria-label="Response">
      <h4 className={styles.title}>Response</h4>
      <p role="status" aria-live="polite" aria-atomic="true" className={clsx(styles.status, tone)} data-phase={phase.kind}>
        {statusText(phase)}
      </p>
      {(phase.kind === 'done' || phase.kind === 'failed') && (
        <Suspense fallback={null}>
          <Details phase={phase} onShown={onDetailsShown} />
        </Suspense>
      )}
    </section>
  );
}
