// @vitest-environment jsdom
import React from 'react';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ScrollRegion, { markOverflowingRegions, tableLabel } from './index';
import { tableSize } from './estimate';

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

/**
 * jsdom has no `content-visibility`: fake whether the browser has laid out a box's table (Chromium answers
 * `checkVisibility({ contentVisibilityAuto: true })` with false while it skips it).
 */
let laidOut = true;
function fakeContentVisibility() {
  const checkVisibility = vi.fn((options?: CheckVisibilityOptions) => laidOut || !options?.contentVisibilityAuto);
  Object.defineProperty(Element.prototype, 'checkVisibility', { value: checkVisibility, configurable: true });
}

/** What Chromium fires at a `content-visibility: auto` box when it starts or stops skipping its content. */
function shown(el: Element, skipped = false) {
  laidOut = !skipped;
  const event = new Event('contentvisibilityautostatechange');
  Object.defineProperty(event, 'skipped', { value: skipped });
  el.dispatchEvent(event);
}

const flush = () => act(() => new Promise<void>((resolve) => queueMicrotask(resolve)));

afterEach(() => {
  vi.restoreAllMocks();
  laidOut = true;
  delete (Element.prototype as Partial<Element>).checkVisibility;
});

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

  it('writes the rows and text of its table into its style, for the room it keeps while off-screen', () => {
    const { container } = render(<ScrollRegion>{table}</ScrollRegion>);
    const box = container.firstElementChild as HTMLElement;
    expect(box.style.getPropertyValue('--table-rows')).toBe('2');
    expect(box.style.getPropertyValue('--table-chars')).toBe(String('CodeMeaning429Too many requests'.length));
  });

  it('does not measure a table the browser has not laid out, and measures it when it is', async () => {
    fakeContentVisibility();
    fakeWidths(900, 300);
    laidOut = false;
    const { container } = render(<ScrollRegion>{table}</ScrollRegion>);
    const box = container.firstElementChild as HTMLElement;
    expect(screen.queryByRole('region')).toBeNull();
    act(() => shown(box));
    expect(screen.getByRole('region', { name: 'Table: Code, Meaning' }).tabIndex).toBe(0);
    // Skipped again when scrolled away: what was measured stays.
    act(() => shown(box, true));
    expect(screen.getByRole('region').tabIndex).toBe(0);
  });
});

describe('markOverflowingRegions (server HTML no component owns yet)', () => {
  const shell = () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<div data-scroll-region="" data-scroll-label="Body fields"><table><tr><th>Field</th></tr></table></div>' +
      '<div data-scroll-region=""><table><thead><tr><th>Code</th></tr></thead></table></div>';
    document.body.append(root);
    return { root, regions: Array.from(root.querySelectorAll<HTMLElement>('[data-scroll-region]')) };
  };

  it('marks each overflowing region as a labelled tab stop, and leaves fitting ones alone', async () => {
    fakeWidths(900, 300);
    const { root, regions } = shell();
    markOverflowingRegions(root);
    await flush();
    expect(regions.map((el) => [el.tabIndex, el.getAttribute('role'), el.getAttribute('aria-label')])).toEqual([
      [0, 'region', 'Body fields'],
      [0, 'region', 'Table: Code'],
    ]);
    vi.restoreAllMocks();
    fakeWidths(300, 300);
    const fitting = shell();
    markOverflowingRegions(fitting.root);
    await flush();
    expect(fitting.regions.map((el) => el.hasAttribute('tabindex'))).toEqual([false, false]);
  });

  it('waits for a region the browser skips until its table is laid out, then measures that one', async () => {
    fakeContentVisibility();
    fakeWidths(900, 300);
    laidOut = false;
    const { root, regions } = shell();
    markOverflowingRegions(root);
    await flush();
    expect(regions.map((el) => el.hasAttribute('tabindex'))).toEqual([false, false]);
    // Still off-screen: nothing to measure yet.
    shown(regions[0], true);
    await flush();
    expect(regions[0].hasAttribute('tabindex')).toBe(false);
    shown(regions[0]);
    await flush();
    expect(regions[0].getAttribute('aria-label')).toBe('Body fields');
    expect(regions[0].tabIndex).toBe(0);
  });
});

describe('tableSize', () => {
  it('counts rows and text through elements and fragments, not into components', () => {
    const Cell = ({ name }: { name: string }) => <td>{name}</td>;
    const rows = ['one', 'two'].map((name) => (
      <tr key={name}>
        <Cell name={name} />
        <td>
          A <code>{name}</code> row
        </td>
      </tr>
    ));
    const size = tableSize(
      <table>
        <caption>Fields</caption>
        <tbody>
          <>{rows}</>
          {false}
          {null}
          <tr>
            <td>{42}</td>
          </tr>
        </tbody>
      </table>,
    );
    expect(size).toEqual({ rows: 3, chars: 'Fields'.length + 2 * 'A  row'.length + 'one'.length + 'two'.length + 2 });
  });
});

