import React, { useEffect } from 'react';
import Editor, { loader } from '@monaco-editor/react';
import { monaco, registerSchema } from './monaco';
import type { JsonViewProps } from './JsonView';
import styles from './styles.module.css';

// Use the bundled copy; without this, @monaco-editor/react fetches Monaco from a CDN.
loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] });

/** Monaco with the operation's JSON Schema: completion, hover docs and red squiggles. */
export default function MonacoJson({ value, onChange, schema, modelId, label, dark }: JsonViewProps & { dark: boolean }) {
  const modelUri = `inmemory://agora-tester/${modelId}.json`;
  useEffect(() => registerSchema(modelUri, schema), [modelUri, schema]);
  return (
    <div className={styles.monaco} data-testid="monaco-json">
      <Editor
        height="22rem"
        language="json"
        path={modelUri}
        value={value}
        theme={dark ? 'vs-dark' : 'light'}
        onChange={(text) => onChange(text ?? '')}
        options={{
          ariaLabel: label,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 13,
          tabSize: 2,
          automaticLayout: true,
          wordWrap: 'on',
          // Tab moves focus out of the editor unless the reader turns Tab trapping on (Ctrl+M).
          tabFocusMode: true,
        }}
      />
    </div>
  );
}
