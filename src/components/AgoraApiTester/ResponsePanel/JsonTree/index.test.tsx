// @vitest-environment jsdom
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom/vitest';
import JsonTree from './index';

afterEach(cleanup);

const big = { ok: true, data: { items: Array.from({ length: 400 }, (_, index) => ({ name: index === 300 ? 'needle' : `item-${index}` })) } };

describe('JsonTree', () => {
  it('opens a small body fully, with one Tab stop and levels for assistive technology', () => {
    render(<JsonTree value={{ a: 1, b: { c: 'x' } }} label="Response body" />);
    const tree = screen.getByRole('tree', { name: 'Response body' });
    const rows = within(tree).getAllByRole('treeitem');
    expect(rows.map((row) => row.textContent)).toEqual(['a: 1', '▾b: {1 key}', 'c: "x"']);
    expect(rows.map((row) => row.getAttribute('aria-level'))).toEqual(['1', '1', '2']);
    expect(rows.filter((row) => row.tabIndex === 0)).toHaveLength(1);
  });

  it('folds a large body, and Find opens the container around the current match', async () => {
    const user = userEvent.setup();
    render(<JsonTree value={big} label="Response body" />);
    const tree = screen.getByRole('tree');
    expect(within(tree).getAllByRole('treeitem')).toHaveLength(3);
    expect(within(tree).getByRole('treeitem', { name: /items: \[400 items\]/ })).toHaveAttribute('aria-expanded', 'false');
    await user.type(screen.getByRole('searchbox', { name: 'Find in response body' }), 'needle');
    expect(await screen.findByText('1 of 1')).toBeInTheDocument();
    const row = within(tree).getByRole('treeitem', { name: 'name: "needle"' });
    expect(row.querySelector('mark')).toHaveTextContent('needle');
    expect(within(tree).getByRole('treeitem', { name: /^items:/ })).toHaveAttribute('aria-expanded', 'true');
  });

  it('steps through matches with Enter and Shift+Enter, wrapping, and clears with Escape', async () => {
    const user = userEvent.setup();
    render(<JsonTree value={big} label="Response body" />);
    const find = screen.getByRole('searchbox');
    await user.type(find, 'item-39');
    expect(await screen.findByText('1 of 11')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(screen.getByText('2 of 11')).toBeInTheDocument();
    await user.keyboard('{Shift>}{Enter}{Enter}{/Shift}');
    expect(screen.getByText('11 of 11')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(find).toHaveValue('');
  });

  it('moves and folds with the arrow keys', async () => {
    const user = userEvent.setup();
    render(<JsonTree value={{ a: 1, b: { c: 'x' } }} label="Response body" />);
    const rows = screen.getAllByRole('treeitem');
    rows[0].focus();
    await user.keyboard('{ArrowDown}');
    expect(rows[1]).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(rows[1]).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getAllByRole('treeitem')).toHaveLength(2);
    await user.keyboard('{Enter}');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('treeitem', { name: 'c: "x"' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(rows[1]).toHaveFocus();
  });

  it('shows a scalar or an empty body as one row', () => {
    render(<JsonTree value={{}} label="Response body" />);
    expect(screen.getByRole('treeitem')).toHaveTextContent('{0 keys}');
  });
});
