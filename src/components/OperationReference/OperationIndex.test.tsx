// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import React from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { listOperations } from '../../catalog';
import OperationIndex from './IndexTable';

afterEach(cleanup);

const total = listOperations().length;
const rows = () => within(screen.getByRole('table', { name: 'Operations' })).getAllByRole('row').slice(1);

describe('OperationIndex', () => {
  it('lists every operation with method, path, summary and family', () => {
    render(<OperationIndex />);
    expect(rows()).toHaveLength(total);
    const acquire = rows().find((row) => row.getAttribute('data-operation') === 'acquire')!;
    expect(acquire.textContent).toContain('POST');
    expect(acquire.textContent).toContain('/v1/apps/{appid}/cloud_recording/acquire');
    expect(acquire.textContent).toContain('Cloud Recording');
    expect(within(acquire).getByRole('link').getAttribute('href')).toBe('/docs/reference/cloud-recording/acquire');
    expect(screen.getByRole('status').textContent).toBe(`Showing all ${total} operations`);
  });

  it('narrows the rows as you type, and says how many are left', () => {
    render(<OperationIndex />);
    const input = screen.getByRole('searchbox', { name: 'Filter operations' });
    expect(input).toHaveAccessibleDescription(`Showing all ${total} operations`);
    fireEvent.change(input, { target: { value: 'DELETE' } });
    // Every DELETE of the catalog (and nothing else: no summary or path says DELETE).
    const deletes = listOperations().filter((op) => op.method === 'DELETE').map((op) => op.id);
    expect(deletes.length).toBeGreaterThan(1);
    expect(rows().map((row) => row.getAttribute('data-operation'))).toEqual(deletes);
    expect(screen.getByRole('status').textContent).toBe(`Showing ${deletes.length} of ${total} operations`);
    fireEvent.change(input, { target: { value: 'zzz' } });
    expect(rows()).toHaveLength(0);
    expect(screen.getByText(/No operation matches/)).toBeInTheDocument();
  });
});
