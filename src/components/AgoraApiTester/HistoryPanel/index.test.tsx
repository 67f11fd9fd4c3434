// @vitest-environment jsdom
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom/vitest';
import { getOperation } from '../../../catalog';
import { defaultRequest } from '../../../request/build';
import { historyEntry } from '../history';
import HistoryPanel from './index';

afterEach(cleanup);

describe('HistoryPanel', () => {
  const start = getOperation('start-recording');
  const request = defaultRequest(start, { pathParams: { appid: '0123456789abcdef0123456789abcdef', resourceid: 'R'.repeat(40), mode: 'mix' } });
  const body = { ...(request.body as Record<string, unknown>), cname: 'room1', uid: '527841' };
  const answered = historyEntry({ ...request, body }, start, { environment: 'sandbox', status: 200, text: '200 OK', at: Date.UTC(2026, 0, 1, 9) });
  const cancelled = historyEntry({ ...request, body }, start, { environment: 'live', status: null, text: 'Cancelled', kind: 'cancelled', at: Date.UTC(2026, 0, 1, 10) });

  it('shows each request as one button: method, filled path, key values, outcome, environment', async () => {
    const onOpen = vi.fn();
    render(<HistoryPanel entries={[cancelled, answered]} onOpen={onOpen} onClear={() => {}} />);
    const rows = within(screen.getByRole('list', { name: 'Request history' })).getAllByRole('button');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(/^POST \/v1\/apps\/0123…cdef\/cloud_recording\/resourceid\/RRRR…RRRR\/mode\/mix\/start cname=room1 uid=527841\s*Cancelled · Live ·/);
    expect(rows[1]).toHaveTextContent(/200 OK · Sandbox ·/);
    await userEvent.click(rows[1]);
    expect(onOpen).toHaveBeenCalledWith(answered);
    expect(screen.getByRole('status')).toHaveTextContent(/is back in the form/);
  });

  it('shows nothing without entries', () => {
    const { container } = render(<HistoryPanel entries={[]} onOpen={() => {}} onClear={() => {}} />);
    expect(container).toBeEmptyDOMElement();
  });
});
