import React from 'react';
import type { ParamModel } from '../../catalog/types';
import Constraints from './Constraints';
import { paramRow } from './schemaText';
import styles from './styles.module.css';

/** Path, query and header parameters of one operation, straight from the catalog. */
export default function ParamsTable({ params, caption }: { params: ParamModel[]; caption: string }): React.JSX.Element {
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">In</th>
          <th scope="col">Type</th>
          <th scope="col">Required</th>
          <th scope="col">Description</th>
          <th scope="col">Constraints</th>
        </tr>
      </thead>
      <tbody>
        {params.map(paramRow).map((row) => (
          <tr key={`${row.in}:${row.name}`} data-param={row.name}>
            <th scope="row">
              <code>{row.name}</code>
            </th>
            <td>{row.in}</td>
            <td>{row.type}</td>
            <td>{row.required ? 'yes' : 'no'}</td>
            <td>{row.description}</td>
            <td>
              <Constraints items={row.constraints} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
