import React from 'react';
import type { OperationModel } from '../../catalog/types';
import ScrollRegion from '../ScrollRegion';
import styles from './styles.module.css';

/** Errors a reader may meet: the catalog's troubleshooting rows (status, meaning, what to do). */
export default function ErrorsTable({ op }: { op: OperationModel }): React.JSX.Element {
  return (
    <ScrollRegion label="Errors and what to do">
      <table className={styles.table}>
        <caption className={styles.caption}>Errors and what to do</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Message</th>
            <th scope="col">Meaning</th>
            <th scope="col">What to do</th>
          </tr>
        </thead>
        <tbody>
          {op.troubleshooting.map((row) => (
            <tr key={`${row.status}:${row.code ?? ''}:${row.message}`} data-status={row.status}>
              <th scope="row">
                {row.status}
                {row.code !== undefined && <span className={styles.code}> code {row.code}</span>}
              </th>
              <td>{row.message}</td>
              <td>{row.cause}</td>
              <td>
                {row.measures}
                <span className={styles.facts}>{row.retry ? 'Retried with back-off.' : 'Not retried: fix the request first.'}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
