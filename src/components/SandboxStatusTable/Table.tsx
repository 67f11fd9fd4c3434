import React from 'react';
import Link from '@docusaurus/Link';
import { listOperations } from '../../catalog';
import Prose from '../OperationReference/Prose';
import ScrollRegion from '../ScrollRegion';

/**
 * The Sandbox page's per-operation table, from the catalog: each operation's
 * documented statuses and the sandbox's note on it (`x-sandbox-note`), so
 * adding an operation or a family updates the page by itself.
 */
export default function SandboxStatusTable(): React.JSX.Element {
  return (
    <ScrollRegion label="Operations and their statuses">
      <table>
        <thead>
          <tr>
            <th scope="col">Operation</th>
            <th scope="col">Documented statuses</th>
            <th scope="col">In the sandbox</th>
          </tr>
        </thead>
        <tbody>
          {listOperations().map((op) => (
            <tr key={op.id}>
              <td>
                <Link to={op.referencePath}>
                  <code>{op.id}</code>
                </Link>
              </td>
              <td>{op.responses.map((r) => r.status).join(', ')}</td>
              <td>{op.sandboxNote ? <Prose text={op.sandboxNote} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
