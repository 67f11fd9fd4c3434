import React, { memo, useId, useMemo, useState } from 'react';
import type { OperationModel } from '../../../catalog/types';
import Tabs from '../Tabs';
import { bodyTree, type FormState } from '../formModel';
import BodyForm from './BodyForm';
import JsonView from './JsonView';
import { TesterHeading } from '../headings';
import styles from './styles.module.css';

type View = 'form' | 'json';

const VIEWS = [
  { value: 'form', label: 'Form' },
  { value: 'json', label: 'JSON' },
] as const;

interface Props {
  op: OperationModel;
  form: FormState;
  errors: Record<string, string[]>;
  onField: (path: string[], value: unknown) => void;
  onText: (text: string) => void;
}

/** The request body as a form and as JSON; both edit the same state, so they never drift. */
function BodyEditor({ op, form, errors, onField, onText }: Props) {
  const [view, setView] = useState<View>('form');
  const errorId = useId();
  const schema = op.requestBody?.schema;
  const tree = useMemo(() => (schema ? bodyTree(schema) : undefined), [schema]);
  if (!op.requestBody || !tree || !schema) return null;
  const bodyErrors = errors.body ?? [];
  // In the JSON view, every body message is listed under the editor.
  const allBodyErrors = Object.entries(errors)
    .filter(([key]) => key === 'body' || key.startsWith('body.'))
    .flatMap(([, messages]) => messages);
  const shown = view === 'json' ? Array.from(new Set(allBodyErrors)) : bodyErrors;
  return (
    <section className={styles.body} aria-label="Request body">
      <TesterHeading className={styles.title}>
        Body <span className={styles.type}>{op.requestBody.contentType}</span>
      </TesterHeading>
      <Tabs label="Body view" tabs={VIEWS} selected={view} onSelect={setView}>
        {view === 'form' ? (
          form.bodyParseError ? (
            <p className={styles.blocked}>The JSON view holds text that does not parse; fix it there to use the form again.</p>
          ) : (
            <BodyForm node={tree} body={form.body} errors={errors} onField={onField} />
          )
        ) : (
          <JsonView
            value={form.bodyText}
            onChange={onText}
            schema={schema}
            modelId={op.id}
            label={`${op.summary}: JSON body`}
            describedBy={shown.length ? errorId : undefined}
          />
        )}
      </Tabs>
      {shown.length > 0 && (
        <ul id={errorId} className={styles.errors}>
          {shown.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

// Memoised: a Send re-renders the tester twice (sending, answered), and nothing here depends on the answer.
export default memo(BodyEditor);
