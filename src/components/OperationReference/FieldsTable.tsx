import React from 'react';
import type { JsonSchema } from '../../catalog/types';
import Constraints from './Constraints';
import NameCell from './NameCell';
import { exclusiveGroups, flattenFields } from './schemaText';
import ScrollRegion from '../ScrollRegion';
import styles from './styles.module.css';

/** The request body's fields, nested objects flattened to dotted names. */
export default function FieldsTable({ schema }: { schema: JsonSchema }): React.JSX.Element {
  const rows = flattenFields(schema);
  const groups = exclusiveGroups(schema);
  return (
    <>
      <ScrollRegion label="Body fields (JSON)">
        <table className={styles.table}>
          <caption className={styles.caption}>Body fields (JSON)</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Description</th>
              <th scope="col">Constraints</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name} data-field={row.name} data-required={row.required}>
                <NameCell name={row.name} type={row.type} required={row.required} depth={row.depth} />
                <td>{row.description}</td>
                <td>
                  <Constraints items={row.constraints} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {groups.map((group) => (
        <p key={group} className={styles.note}>
          Exactly one of <code>{group}</code> must be given, never both.
        </p>
      ))}
    </>
  );
}
