import React, { memo } from 'react';
import { getOperation } from '../../../catalog';
import type { OperationModel } from '../../../catalog/types';
import { Link } from '../site';
import styles from './styles.module.css';

/** What Live mode asks before sending a call Agora does not publish. */
export function liveWarning(op: OperationModel, host: string): string | undefined {
  if (!op.guideExample) return undefined;
  return `Agora's published API reference does not list this call, so ${host} will most likely refuse it (404). The sandbox answers it as the guide describes. Send it to Agora anyway?`;
}

/**
 * For the guide's illustrative calls: says so where the tester sits (the guide
 * page included) and links the nearest real calls, one click away.
 */
function GuideExampleNote({ op }: { op: OperationModel }) {
  if (!op.guideExample) return null;
  const real = (op.nearestRealOperations ?? []).map(getOperation);
  return (
    <p className={styles.note} role="note">
      <strong>Illustrative call.</strong> It shows the guide&apos;s example; Agora&apos;s published API reference does not
      list it, and the sandbox follows the guide.
      {real.length > 0 && (
        <>
          {' '}
          Nearest real call:{' '}
          {real.map((other, index) => (
            <React.Fragment key={other.id}>
              {index > 0 && ', '}
              <Link to={other.referencePath}>
                {other.summary} (<code>{`${other.method} ${other.path}`}</code>)
              </Link>
            </React.Fragment>
          ))}
          .
        </>
      )}
    </p>
  );
}

// Memoised: a Send re-renders the tester twice (sending, answered), and nothing here depends on the answer.
export default memo(GuideExampleNote);
