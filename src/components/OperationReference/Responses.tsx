import React from 'react';
import type { OperationModel } from '../../catalog/types';
import FieldsTable from './FieldsTable';
import { InlineProse } from './Prose';
import { responseSections } from './responses';
import styles from './styles.module.css';

/**
 * Every documented status with its body's fields, one disclosure each. Only
 * the documented success starts open: a Cloud Recording section documents ten
 * statuses, and ten open tables would bury the rest of the section. Closed
 * ones are still in the page, so find-in-page and the search index see them.
 */
export default function Responses({ op }: { op: OperationModel }): React.JSX.Element {
  return (
    <div className={styles.responses}>
      {responseSections(op).map((section) => (
        <details key={section.status} className={styles.response} open={section.primary} data-status={section.status}>
          <summary>
            <span className={styles.status} data-class={`${String(section.status)[0]}xx`}>
              {section.status}
            </span>{' '}
            <InlineProse text={section.description} />
          </summary>
          <div className={styles.responseBody}>
            {section.shape && (
              <p className={styles.note}>
                <InlineProse text={section.shape} />
              </p>
            )}
            {section.sameFieldsAs !== undefined ? (
              <p className={styles.note}>The body has the same fields as the {section.sameFieldsAs} answer above.</p>
            ) : section.schema ? (
              <FieldsTable schema={section.schema} caption={`Response ${section.status} body fields`} presence="response" />
            ) : (
              <p className={styles.note}>{section.emptyObject ? 'The body is an empty JSON object.' : 'No body is documented for this status.'}</p>
            )}
          </div>
        </details>
      ))}
    </div>
  );
}
