import React from 'react';
import styles from './styles.module.css';

/** Whether a row describes something the caller sends (required/optional) or something the server answers (always present or not). */
export type Presence = 'request' | 'response';

/**
 * A dotted name with a break opportunity after each dot, so a long path wraps
 * between its parts before it ever has to break inside one.
 */
function breakableName(name: string): React.ReactNode[] {
  return name.split(/(?<=\.)/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
}

/** First cell of a parameter or field row: the name, then type, location and whether it is required. */
export default function NameCell({
  name,
  type,
  location,
  required,
  depth = 0,
  presence = 'request',
}: {
  name: string;
  type: string;
  location?: string;
  required: boolean;
  depth?: number;
  presence?: Presence;
}): React.JSX.Element {
  // A response field the schema does not require may simply be absent; calling it "optional" would read as a choice.
  const requirement =
    presence === 'response' ? (required ? ' · always present' : '') : required ? <> · <strong className={styles.required}>required</strong></> : ' · optional';
  return (
    <th scope="row" className={styles.nameCell} style={depth ? { paddingLeft: `${0.75 + depth}rem` } : undefined}>
      <code className={styles.name}>{breakableName(name)}</code>
      <span className={styles.facts}>
        {type}
        {location ? ` · ${location}` : ''}
        {requirement}
      </span>
    </th>
  );
}
