import React from 'react';
import Link from '@docusaurus/Link';
import { operationsByFamily } from '../../catalog';
import styles from './styles.module.css';

/** Every family and its operations, linked to their reference sections. */
export default function OperationIndex(): React.JSX.Element {
  return (
    <>
      {operationsByFamily().map((family) => (
        <section key={family.family} aria-label={family.title}>
          <h3>
            <Link to={`/docs/reference/${family.page}`}>{family.title}</Link>
          </h3>
          <p>{family.description}</p>
          <ul className={styles.index}>
            {family.operations.map((op) => (
              <li key={op.id}>
                <span className={styles.method} data-method={op.method}>
                  {op.method}
                </span>{' '}
                <Link to={op.referencePath}>{op.summary}</Link> <code className={styles.path}>{op.path}</code>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
