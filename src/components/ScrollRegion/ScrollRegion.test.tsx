// @vitest-environment jsdom
import React from 'react';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ScrollRegion, { tableLabel } from './index';

/** jsdom does no layout: fake the widths the effect measures. */
function fakeWidths(scrollWidth: number, clientWidth: number) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(scrollWidth);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(clientWidth);
}

const table = (
  <table>
    <thead>
      <tr>
        <th>Code</th>
        <th>Meaning</th>
      </tr>
    </thead>
    <tbody>
      <tr>
        <td>429</td>
        <td>Too many requests</td>
      </tr>
    </tbody>
  </table>
);

afterEach(() => vi.restoreAllMocks());

describe('ScrollRegion', () => {
  it('makes an overflowing table box a named, focusable region and keeps the table a table', () => {
    fakeWidths(900, 300);
    render(<ScrollRegion>{table}</ScrollRegion>);
    const region = screen.getByRole('region', { name: 'Table: Code, Meaning' });
    expect(region.tabIndex).toBe(0);
    expect(screen.getByRole('table')).toBeTruthy();
  });

  it('uses the given label', () => {
    fakeWidths(900, 300);
    render(<ScrollRegion label="Hosts and failover">{table}</ScrollRegion>);
    expect(screen.getByRole('region', { name: 'Hosts and failover' })).toBeTruthy();
  });

  it('adds no tab stop and no region when the table fits', () => {
    fakeWidths(300, 300);
    const { container } = render(<ScrollRegion>{table}</ScrollRegion>);
    expect(screen.queryByRole('region')).toBeNull();
    expect(container.firstElementChild?.hasAttribute('tabindex')).toBe(false);
  });

  it('names a captioned table by its caption', () => {
    const box = document.createElement('div');
    box.innerHTML = '<table><caption> Errors and what to do </caption><thead><tr><th>Status</th></tr></thead></table>';
    expect(tableLabel(box)).toBe('Errors and what to do');
    box.innerHTML = '<table><tbody><tr><td>1</td></tr></tbody></table>';
    expect(tableLabel(box)).toBe('Table');
  });
});
