import React, { useId, type ReactElement } from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

export interface FieldProps {
  label: string;
  required?: boolean;
  description?: string;
  errors?: string[];
  /** Small note after the label, e.g. the type or "demo". */
  hint?: string;
  className?: string;
  /** Render the control with the ids it must carry. */
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; 'aria-required'?: boolean }) => ReactElement;
}

/** One labelled control with its description and inline errors, wired with aria-describedby. */
export { styles as fieldStyles };

export default function Field({ label, required, description, errors = [], hint, className, children }: FieldProps) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={clsx(styles.field, errors.length > 0 && styles.invalid, className)} data-field={label}>
      <div className={styles.label}>
        {/* The accessible name is the bare parameter name; marks and hints sit beside the label. */}
        <label htmlFor={id}>
          <code>{label}</code>
        </label>
        {required && (
          <span className={styles.required} title="required">
            *<span className={styles.srOnly}> required</span>
          </span>
        )}
        {hint && <span className={styles.hint}>{hint}</span>}
      </div>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': errors.length > 0 || undefined, 'aria-required': required || undefined })}
      {errors.length > 0 && (
        <ul id={errorId} className={styles.errors}>
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {description && (
        <p id={descriptionId} className={styles.description}>
          {description}
        </p>
      )}
    </div>
  );
}
