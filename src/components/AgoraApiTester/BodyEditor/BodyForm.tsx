import React, { useEffect, useState } from 'react';
import { secretOf } from '../../../catalog/schemaWalk';
import Field, { fieldStyles } from '../Field';
import MaskedInput from '../MaskedInput';
import { bodyKey, coerceLeaf, getAt, groupStartsOpen, hasMessageWithin, isFilled, type BodyNode, type LeafKind } from '../formModel';
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

/**
 * A group of fields (an object in the body) as a disclosure. Its fields are
 * rendered only while it is open (groupStartsOpen decides the start), so a
 * closed group costs one summary line, on the server's shell as in the live
 * form. Opened once, it stays as the reader leaves it; a value or a message
 * arriving inside it later (typed in the JSON view, a restored draft, Send's
 * check) opens it again, so nothing filled in or wrong stays hidden.
 */
function Group({ node, body, errors, onField, depth }: Props & { node: BodyNode & { kind: 'object' }; depth: number }) {
  const key = bodyKey(node.path);
  const filled = isFilled(getAt(body, node.path));
  const flagged = hasMessageWithin(errors, key);
  const [open, setOpen] = useState(() => groupStartsOpen({ required: node.required, depth, filled, flagged }));
  useEffect(() => {
    if (filled || flagged) setOpen(true);
  }, [filled, flagged]);
  const ownErrors = errors[key];
  const count = fieldCount(node);
  return (
    // onToggle keeps the state in step with the browser's own toggling (a click on the summary, find-in-page).
    <details className={styles.group} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <code>{node.name}</code>
        {node.required && <span aria-label="required"> *</span>}
        {node.schema.description && <span className={styles.groupDescription}> — {node.schema.description}</span>}
        {/* Shown open or closed: the summary's text pairs the shell's group with the live one (Island/carryOver.ts). */}
        <span className={styles.groupCount}> ({count} {count === 1 ? 'field' : 'fields'})</span>
      </summary>
      {open && ownErrors && <p className={styles.groupError}>{ownErrors.join(' ')}</p>}
      {open && (
        <div className={styles.formGrid}>
          {node.children.map((child) => (
            <BodyForm key={child.name} node={child} body={body} errors={errors} onField={onField} depth={depth + 1} />
          ))}
        </div>
      )}
    </details>
  );
}

/** The fields a closed group holds, nested groups' fields included: what the reader would find inside. */
function fieldCount(node: BodyNode): number {
  return node.kind === 'object' ? node.children.reduce((sum, child) => sum + fieldCount(child), 0) : 1;
}

/** The body schema as nested fieldsets; each input is labelled with its property name. */
export default function BodyForm({ node, body, errors, onField, depth = 0 }: Props) {
  if (node.kind === 'object') {
    if (depth > 0) return <Group node={node} body={body} errors={errors} onField={onField} depth={depth} />;
    return (
      <div className={styles.formGrid}>
        {node.children.map((child) => (
          <BodyForm key={child.name} node={child} body={body} errors={errors} onField={onField} depth={depth + 1} />
        ))}
      </div>
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
