import React from 'react';
import type { JsonSchema } from '../../catalog/types';
import Constraints from './Constraints';
import NameCell, { type Presence } from './NameCell';
import { exclusiveGroups, flattenFields } from './schemaText';
import ScrollRegion from '../ScrollRegion';
import styles from './styles.module.css';

/** A body's fields (the request's, or one response's), nested objects flattened to dotted names. */
export default function FieldsTable({
  schema,
  caption = 'Body fields (JSON)',
  presence = 'request',
}: {
  schema: JsonSchema;
  caption?: string;
  presence?: Presence;
}): React.JSX.Element {
  const rows = flattenFields(schema);
  const groups = exclusiveGroups(schema);
  return (
    <>
      <ScrollRegion label={caption}>
        <table className={styles.table}>
          <caption className={styles.caption}>{caption}</caption>
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
                <NameCell name={row.name} type={row.type} required={row.required} depth={row.depth} presence={presence} />
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
