import React from 'react';
import styles from './styles.module.css';

/** First cell of a parameter or field row: the name, then type, location and whether it is required. */
export default function NameCell({
  name,
  type,
  location,
  required,
  depth = 0,
}: {
  name: string;
  type: string;
  location?: string;
  required: boolean;
  depth?: number;
}): React.JSX.Element {
  return (
    <th scope="row" className={styles.nameCell} style={depth ? { paddingLeft: `${0.75 + depth}rem` } : undefined}>
      <code className={styles.name}>{name}</code>
      <span className={styles.facts}>
        {type}
        {location ? ` · ${location}` : ''}
        {' · '}
        {required ? <strong className={styles.required}>required</strong> : 'optional'}
      </span>
    </th>
  );
}
