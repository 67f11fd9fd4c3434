import React, { useState } from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** Masked (`type="password"`) until the reader presses Show; false gives a plain text input with the same layout. */
  secret: boolean;
  /** The field's name, for the Show/Hide button's accessible name. */
  label: string;
  /** The ids and aria attributes from `Field`. */
  control: object;
  className?: string;
  placeholder?: string;
}

/**
 * A text input for a credential or a secret field: masked, with a Show/Hide
 * button, so a secret is not read over the reader's shoulder or caught in a
 * screen share. One component for the credential fields and the catalog's
 * `x-secret` fields, so both behave the same.
 */
export default function MaskedInput({ value, onChange, secret, label, control, className, placeholder }: Props) {
  const [shown, setShown] = useState(false);
  return (
    <div className={styles.masked}>
      <input
        {...control}
        className={clsx(styles.input, className)}
        type={secret && !shown ? 'password' : 'text'}
        value={value}
        placeholder={placeholder}
        // Not "new-password": browsers would offer to generate and save a password for an API field.
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
      />
      {secret && (
        <button type="button" className={styles.toggle} aria-label={`${shown ? 'Hide' : 'Show'} ${label}`} onClick={() => setShown(!shown)}>
          {shown ? 'Hide' : 'Show'}
        </button>
      )}
    </div>
  );
}
