// @vitest-environment jsdom
import React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import '@testing-library/jest-dom/vitest';
import { getOperation } from '../../catalog';

vi.mock('./site', async () => (await import('./testing/siteMock')).siteMock);
vi.mock('./BodyEditor/MonacoJson', async () => ({ default: (await import('./testing/siteMock')).MonacoStandIn }));

// Counts the body form's renders at its root (its nodes render their own children the same way).
const renders = { root: 0 };
vi.mock('./BodyEditor/BodyForm', async (importOriginal) => {
  const original = (await importOriginal()) as typeof import('./BodyEditor/BodyForm');
  const Counted: typeof original.default = (props) => {
    if (!props.depth) renders.root += 1;
    return original.default(props);
  };
  return { ...original, default: Counted };
});

const { default: AgoraApiTester } = await import('./Tester');
const { validatorLoaded } = await import('./validate');

describe('the schema checks arriving after the tester is live', () => {
  it('leave the body form alone when they say what the required-value checks said, and show what they add', async () => {
    const op = getOperation('create-channel');
    expect(validatorLoaded(op)).toBe(false);
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = screen.getByRole('region', { name: 'Create a channel' });
    const before = renders.root;
    // A focus in the tester loads its checks at once (the warm-up would, in idle time).
    await act(async () => fireEvent.focus(within(root).getByLabelText('channel', { exact: true })));
    await waitFor(() => expect(validatorLoaded(op)).toBe(true));
    await act(async () => new Promise((done) => setTimeout(done, 0)));
    expect(renders.root).toBe(before);

    // A value only the compiled checks refuse (the pattern) does render the form again, with the message.
    fireEvent.change(within(root).getByLabelText('channel', { exact: true }), { target: { value: 'bad name!' } });
    expect(await within(root).findByText(/Must be 1–63 letters or digits/)).toBeInTheDocument();
    expect(renders.root).toBeGreaterThan(before);
  });
});
