import React, { useEffect, useState } from 'react';
import { secretOf } from '../../../catalog/schemaWalk';
import Field, { fieldStyles } from '../Field';
import MaskedInput from '../MaskedInput';
import { bodyKey, coerceLeaf, getAt, type BodyNode, type LeafKind } from '../formModel';
import styles from './styles.module.css';

interface Props {
  node: BodyNode;
  body: unknown;
  errors: Record<string, string[]>;
  onField: (path: string[], value: unknown) => void;
  depth?: number;
}

function hintFor(node: BodyNode): string {
  const { schema } = node;
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type ?? (node.kind === 'json' ? 'JSON' : '');
  const range =
    schema.minimum !== undefined || schema.maximum !== undefined ? ` ${schema.minimum ?? ''}–${schema.maximum ?? ''}` : '';
  return `${type}${range}`;
}

/** Lists and free-form values are edited as JSON; the draft survives until it parses. */
function JsonLeaf({ value, onChange, control }: { value: unknown; onChange: (value: unknown) => void; control: object }) {
  const text = value === undefined ? '' : JSON.stringify(value);
  const [draft, setDraft] = useState(text);
  useEffect(() => setDraft(text), [text]);
  return (
    <input
      {...control}
      className={fieldStyles.control}
      value={draft}
      spellCheck={false}
      placeholder="JSON, e.g. [1, 2]"
      onChange={(event) => {
        setDraft(event.target.value);
        if (event.target.value === '') return onChange(undefined);
        try {
          onChange(JSON.parse(event.target.value));
        } catch {
          // Keep the draft; the value updates once it parses.
        }
      }}
    />
  );
}

function LeafInput({ kind, node, value, onChange, control }: {
  kind: LeafKind;
  node: BodyNode;
  value: unknown;
  onChange: (value: unknown) => void;
  control: object;
}) {
  if (kind === 'json') return <JsonLeaf value={value} onChange={onChange} control={control} />;
  const text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A field the catalog marks x-secret (a storage key, a token) is masked like a credential.
  if (kind === 'string' && secretOf(node.schema, node.name)) {
    return <MaskedInput control={control} className={fieldStyles.control} secret label={node.name} value={text} onChange={(next) => onChange(coerceLeaf(kind, node.schema, next))} />;
  }
  const options = kind === 'enum' ? node.schema.enum ?? [] : kind === 'boolean' ? [true, false] : undefined;
  if (options) {
    return (
      <select {...control} className={fieldStyles.control} value={text} onChange={(event) => onChange(coerceLeaf(kind, node.schema, event.target.value))}>
        <option value="">(not set)</option>
        {options.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      {...control}
      className={fieldStyles.control}
      type="text"
      inputMode={kind === 'integer' || kind === 'number' ? 'numeric' : undefined}
      spellCheck={false}
      autoComplete="off"
      value={text}
      placeholder={node.schema.default !== undefined ? `default ${String(node.schema.default)}` : undefined}
      onChange={(event) => onChange(coerceLeaf(kind, node.schema, event.target.value))}
    />
  );
}

/** The body schema as nested fieldsets; each input is labelled with its property name. */
export default function BodyForm({ node, body, errors, onField, depth = 0 }: Props) {
  if (node.kind === 'object') {
    const children = node.children.map((child) => (
      <BodyForm key={child.name} node={child} body={body} errors={errors} onField={onField} depth={depth + 1} />
    ));
    if (depth === 0) return <div className={styles.formGrid}>{children}</div>;
    const ownErrors = errors[bodyKey(node.path)];
    return (
      <details className={styles.group} open={depth < 3}>
        <summary>
          <code>{node.name}</code>
          {node.required && <span aria-label="required"> *</span>}
          {node.schema.description && <span className={styles.groupDescription}> — {node.schema.description}</span>}
        </summary>
        {ownErrors && <p className={styles.groupError}>{ownErrors.join(' ')}</p>}
        <div className={styles.formGrid}>{children}</div>
      </details>
    );
  }
  return (
    <Field
      label={node.name}
      required={node.required}
      hint={hintFor(node)}
      description={node.schema.description}
      errors={errors[bodyKey(node.path)]}
    >
      {(control) => (
        <LeafInput kind={node.kind} node={node} control={control} value={getAt(body, node.path)} onChange={(value) => onField(node.path, value)} />
      )}
    </Field>
  );
}
