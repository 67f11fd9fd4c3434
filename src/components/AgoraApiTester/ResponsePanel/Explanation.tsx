import React from 'react';
import clsx from 'clsx';
import type { Explanation as ExplanationData } from '../explain';
import styles from './styles.module.css';

/** Infima's alert tone: a 2xx with an Agora code is a notice, a failure worth retrying a warning, the rest danger. */
function tone(explanation: ExplanationData): string {
  if (explanation.notice) return 'alert--info';
  return explanation.retry ? 'alert--warning' : 'alert--danger';
}

/** What an answer (or its absence) means and what to do: title, cause, the field the server blamed, measures. */
export default function Explanation({ explanation }: { explanation: ExplanationData }) {
  return (
    <div role="note" aria-label={explanation.title} className={clsx('alert', tone(explanation), styles.explanation)}>
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
