import React, { Component, Suspense, lazy, type ReactNode } from 'react';
import type { JsonSchema } from '../../../catalog/types';
import { fieldStyles } from '../Field';
import { BrowserOnly, useColorMode } from '../site';
import styles from './styles.module.css';

// Monaco is heavy: webpack splits it into its own chunks, fetched only when a
// JSON view opens (never part of the page's initial JavaScript).
const MonacoJson = lazy(() => import('./MonacoJson'));

export interface JsonViewProps {
  value: string;
  onChange: (text: string) => void;
  schema: JsonSchema;
  /** Unique per tester, e.g. `start-recording`: names the model and its schema. */
  modelId: string;
  label: string;
  describedBy?: string;
}

/** Plain editable JSON: shown while Monaco loads, if it fails, and where it cannot run (tests). */
export function JsonTextarea({ value, onChange, label, describedBy }: JsonViewProps) {
  return (
    <textarea
      className={`${fieldStyles.control} ${styles.textarea}`}
      aria-label={label}
      aria-describedby={describedBy}
      spellCheck={false}
      value={value}
      rows={Math.min(24, Math.max(6, value.split('\n').length + 1))}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

class Fallback extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function Editor(props: JsonViewProps) {
  const { colorMode } = useColorMode();
  const textarea = <JsonTextarea {...props} />;
  return (
    <Fallback fallback={textarea}>
      <Suspense fallback={textarea}>
        <MonacoJson {...props} dark={colorMode === 'dark'} />
      </Suspense>
    </Fallback>
  );
}

/** The JSON view: Monaco with the operation's schema (autocomplete, markers), in the site's theme. */
export default function JsonView(props: JsonViewProps) {
  return <BrowserOnly fallback={<JsonTextarea {...props} />}>{() => <Editor {...props} />}</BrowserOnly>;
}
