import React from 'react';
import type { ParamModel } from '../../catalog/types';
import Constraints from './Constraints';
import NameCell from './NameCell';
import { paramRow } from './schemaText';
import ScrollRegion from '../ScrollRegion';
import styles from './styles.module.css';

/** Path, query and header parameters of one operation, straight from the catalog. */
export default function ParamsTable({ params, caption }: { params: ParamModel[]; caption: string }): React.JSX.Element {
  return (
    <ScrollRegion label={caption}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Description</th>
            <th scope="col">Constraints</th>
          </tr>
        </thead>
        <tbody>
          {params.map(paramRow).map((row) => (
            <tr key={`${row.in}:${row.name}`} data-param={row.name} data-in={row.in} data-required={row.required}>
              <NameCell name={row.name} type={row.type} location={row.in} required={row.required} />
              <td>{row.description}</td>
              <td>
                <Constraints items={row.constraints} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
