import React, { useId, useState } from 'react';
import Link from '@docusaurus/Link';
import { listOperations, operationsByFamily } from '../../catalog';
import { familyPath } from '../../catalog/model';
import ScrollRegion from '../ScrollRegion';
import { countText, filterOperations } from './operationFilter';
import styles from './styles.module.css';

/**
 * Every operation in one table (method, path, summary, family) with a filter
 * that narrows it as you type. The server render lists them all, so the page
 * works before (and without) JavaScript; the count is a live region, so a
 * screen reader hears how many rows are left.
 */
export default function OperationIndex(): React.JSX.Element {
  const [query, setQuery] = useState('');
  const inputId = useId();
  const countId = useId();
  const operations = listOperations();
  const shown = filterOperations(operations, query);
  const families = operationsByFamily();
  return (
    <>
      <ul className={styles.families}>
        {families.map((family) => (
          <li key={family.family}>
            <Link to={familyPath(family.page)}>{family.title}</Link>: {family.description}
          </li>
        ))}
      </ul>
      <div className={styles.filter}>
        <label htmlFor={inputId}>Filter operations</label>
        <input
          id={inputId}
          type="search"
          className={styles.filterInput}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Method, path, summary or family, e.g. DELETE or kick"
          aria-describedby={countId}
          autoComplete="off"
          spellCheck={false}
        />
        <p id={countId} className={styles.count} role="status" aria-live="polite">
          {countText(shown.length, operations.length)}
        </p>
      </div>
      <ScrollRegion label="Operations">
        <table className={styles.table}>
          <caption className={styles.caption}>Operations</caption>
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">Summary</th>
              <th scope="col">Family</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((op) => (
              <tr key={op.id} data-operation={op.id}>
                <td>
                  <span className={styles.method} data-method={op.method}>
                    {op.method}
                  </span>
                </td>
                <td>
                  <code className={styles.path}>{op.path}</code>
                </td>
                <th scope="row">
                  <Link to={op.referencePath}>{op.summary}</Link>
                </th>
                <td>{op.familyTitle}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {shown.length === 0 && (
        <p className={styles.note}>
          No operation matches &ldquo;{query}&rdquo;. Try a method (GET, POST), part of a path (<code>cloud_recording</code>) or a
          family name.
        </p>
      )}
    </>
  );
}
