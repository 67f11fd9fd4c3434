// @vitest-environment jsdom
import React from 'react';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cleanup, render, screen, within } from '@testing-library/react';
import '@testing-library/jest-dom/vitest';
import { NOTIFICATION_CATALOGS } from '../../sandbox/events/catalogs';
import NotificationTable, { notificationCatalog } from './Tables';

const root = process.cwd();
const page = readFileSync(`${root}/docs/webhooks.mdx`, 'utf8');

afterEach(cleanup);

describe('NotificationTable', () => {
  for (const catalog of NOTIFICATION_CATALOGS) {
    it(`lists every ${catalog.product} event type from the catalog, with what the sandbox does about it`, () => {
      render(<NotificationTable product={catalog.id} />);
      const table = screen.getByRole('table');
      expect(table).toHaveAccessibleName(new RegExp(`${catalog.product} notifications`));
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows).toHaveLength(catalog.events.length);
      const withService = catalog.events.some((row) => row.serviceType !== undefined);
      expect(within(table).queryByRole('columnheader', { name: 'serviceType' }) !== null).toBe(withService);
      catalog.events.forEach((event, i) => {
        const cells = within(rows[i]).getAllByRole('cell');
        expect(cells[0]).toHaveTextContent(String(event.eventType));
        expect(cells[1]).toHaveTextContent(event.name);
        if (withService) expect(cells[2]).toHaveTextContent(event.serviceType === undefined ? '' : String(event.serviceType));
        const sandbox = cells[cells.length - 1];
        // A row says what makes the sandbox send it, or that it never does and why.
        if (event.sandbox) expect(sandbox).not.toHaveTextContent('Never sent.');
        else expect(sandbox).toHaveTextContent(/^Never sent\. \S/);
      });
    });
  }

  it('names the known products when the page asks for one that does not exist', () => {
    expect(() => notificationCatalog('chat')).toThrow(/media-pull, media-push, cloud-recording, real-time-stt, conversational-ai, rtc/);
  });
});

describe('docs/webhooks.mdx', () => {
  it('has a table for every product with notifications', () => {
    const tables = [...page.matchAll(/<NotificationTable product="([^"]+)" \/>/g)].map((match) => match[1]);
    expect(tables.sort()).toEqual(NOTIFICATION_CATALOGS.map((catalog) => catalog.id).sort());
  });

  it('shows the receivers through the text loader, which yields each file exactly', () => {
    const require = createRequire(import.meta.url);
    const loader = require('./rawTextLoader.cjs') as (source: string) => string;
    for (const file of ['receiver.mjs', 'receiver.py']) {
      expect(page).toContain(`'!!../src/components/NotificationTables/rawTextLoader.cjs!../examples/webhooks/${file}'`);
      const text = readFileSync(`${root}/examples/webhooks/${file}`, 'utf8');
      const module = loader(text);
      const literal = /^export default (.*);\n$/s.exec(module)?.[1];
      expect(JSON.parse(literal ?? 'null')).toBe(text);
    }
  });
});
