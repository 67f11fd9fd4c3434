import React from 'react';
import { allServers } from '../../catalog';
import ScrollRegion from '../ScrollRegion';
import styles from './styles.module.css';

/** The catalog's hosts with their failover relations (the relay follows the same data). */
export default function ServersTable(): React.JSX.Element {
  return (
    <ScrollRegion label="Hosts and failover">
      <table className={styles.table}>
        <caption className={styles.caption}>Hosts and failover</caption>
        <thead>
          <tr>
            <th scope="col">Host</th>
            <th scope="col">Role and region</th>
            <th scope="col">Alternate</th>
            <th scope="col">Adjacent</th>
          </tr>
        </thead>
        <tbody>
          {allServers().map((server) => (
            <tr key={server.host} data-host={server.host}>
              <th scope="row">
                <code>{server.host}</code>
              </th>
              <td>{server.region ? `${server.label} (${server.region})` : server.label}</td>
              <td>{server.alternate ? <code>{server.alternate}</code> : '-'}</td>
              <td>{server.adjacent ? <code>{server.adjacent}</code> : '-'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
