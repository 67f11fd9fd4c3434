import React, { memo } from 'react';
import clsx from 'clsx';
import type { OperationModel } from '../../../catalog/types';
import { Link } from '../site';
import styles from './styles.module.css';

/** `/v1/apps/{appid}/x` as text parts with the placeholders marked. */
export function pathParts(path: string): Array<{ text: string; param: boolean }> {
  return path.split(/(\{[^}]+\})/).filter(Boolean).map((text) => ({ text, param: text.startsWith('{') }));
}

/** Method badge, path with its parameters highlighted, summary and the link to the reference. */
function Header({ op, headingId }: { op: OperationModel; headingId: string }) {
  return (
    <header className={styles.header}>
      <p className={styles.line}>
        <span className={clsx(styles.method, styles[op.method.toLowerCase()])}>{op.method}</span>
        <code className={styles.path} aria-label={`Path ${op.path}`}>
          {pathParts(op.path).map((part, index) =>
            part.param ? (
              <mark key={index} className={styles.param}>
                {part.text}
              </mark>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </code>
      </p>
      <p className={styles.summaryLine}>
        <strong id={headingId} className={styles.summary}>
          {op.summary}
        </strong>
        {op.guideExample && <span className={styles.badge}>Guide example</span>}
        <Link to={op.referencePath} className={styles.reference} aria-label={`Reference for ${op.summary}`}>
          Reference
        </Link>
      </p>
    </header>
  );
}

// Memoised: a Send re-renders the tester twice (sending, answered), and nothing here depends on the answer.
export default memo(Header);
