import React, { useMemo } from 'react';
import clsx from 'clsx';
import CodeView from '../CodeView';
import type { Explanation } from '../explain';
import { statusText, type Phase } from '../phase';
import Attempts from './Attempts';
import Headers from './Headers';
import styles from './styles.module.css';

function ExplanationBox({ explanation }: { explanation: Explanation }) {
  return (
    <div className={clsx('alert', explanation.retry ? 'alert--warning' : 'alert--danger', styles.explanation)}>
      <p className={styles.explanationTitle}>{explanation.title}</p>
      <p>{explanation.text}</p>
      {explanation.field && (
        <p>
          Field <code>{explanation.field.label}</code>: {explanation.field.reason}
        </p>
      )}
      {explanation.measures && (
        <p>
          <strong>What to do:</strong> {explanation.measures}
        </p>
      )}
    </div>
  );
}

function bodyText(body: unknown): string {
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2) ?? '';
}

/** Status (announced), explanation, attempts, headers and body of the last send. */
export default function ResponsePanel({ phase }: { phase: Phase }) {
  const result = phase.kind === 'done' ? phase.result : undefined;
  const text = useMemo(() => (result ? bodyText(result.body) : ''), [result]);
  const tone = result ? (result.status < 300 ? styles.success : styles.error) : phase.kind === 'failed' ? styles.error : undefined;
  return (
    <section className={styles.panel} aria-label="Response">
      <h4 className={styles.title}>Response</h4>
      <p role="status" aria-live="polite" aria-atomic="true" className={clsx(styles.status, tone)} data-phase={phase.kind}>
        {statusText(phase)}
      </p>
      {phase.kind === 'done' && phase.explanation && <ExplanationBox explanation={phase.explanation} />}
      {phase.kind === 'failed' && <ExplanationBox explanation={phase.explanation} />}
      {phase.kind === 'failed' && phase.error.details.attempts && <Attempts attempts={phase.error.details.attempts} />}
      {result && (
        <>
          <Attempts attempts={result.attempts} />
          <Headers headers={result.headers} />
          <CodeView code={text} language={typeof result.body === 'string' ? 'text' : 'json'} label="Response body" sizeBytes={result.sizeBytes} />
        </>
      )}
    </section>
  );
}
