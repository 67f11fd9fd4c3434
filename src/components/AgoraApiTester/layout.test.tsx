// @vitest-environment jsdom
/** Focus through send, cancel and completion; the result under Send, in a line kept from the start; a server complaint that lasts only until the field changes. */
import React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom/vitest';

vi.mock('./site', async () => (await import('./testing/siteMock')).siteMock);
vi.mock('./BodyEditor/MonacoJson', async () => ({ default: (await import('./testing/siteMock')).MonacoStandIn }));

const { relayAnswer, useRelayFetch } = await import('./testing/relayFetch');

const { default: AgoraApiTester } = await import('./Tester');


const fetchMock = useRelayFetch();

const tester = () => screen.getByRole('region', { name: 'Create a channel' });

describe('focus through a send', () => {
  it('keeps focus on the one Send/Cancel button; "View response" is the next stop and moves focus to the answer', async () => {
    let answer: (response: Response) => void = () => {};
    fetchMock.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    const send = within(root).getByRole('button', { name: 'Send request' });
    send.focus();
    await userEvent.keyboard('{Enter}');
    // The same element, relabelled: focus never falls back to the page.
    expect(await within(root).findByRole('button', { name: 'Cancel' }, { timeout: 5000 })).toBe(send);
    expect(send).toHaveFocus();
    answer(relayAnswer({}));
    expect(await within(root).findByText('200 OK in 12 ms')).toBeInTheDocument();
    expect(send).toHaveAccessibleName('Send request');
    expect(send).toHaveFocus();
    await userEvent.tab();
    const view = within(root).getByRole('button', { name: 'View response' });
    expect(view).toHaveFocus();
    expect(view).toHaveAccessibleDescription('200 OK in 12 ms');
    await userEvent.keyboard('{Enter}');
    expect(within(root).getByRole('group', { name: /^Response: 200 OK/ })).toHaveFocus();
  });

  it('after Cancel, focus is still on the button and the summary says Cancelled', async () => {
    fetchMock.mockImplementation((_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    const send = within(root).getByRole('button', { name: 'Send request' });
    await userEvent.click(send);
    await userEvent.click(await within(root).findByRole('button', { name: 'Cancel' }, { timeout: 5000 }));
    expect(await within(root).findByRole('button', { name: 'View response', description: 'Cancelled' })).toBeInTheDocument();
    expect(send).toHaveFocus();
    expect(send).toHaveAccessibleName('Send request');
  });

  it('"Send anyway" hands focus back to Send rather than to the page', async () => {
    fetchMock.mockResolvedValue(relayAnswer({}));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    const channel = within(root).getByLabelText('channel', { exact: true });
    await userEvent.clear(channel);
    await userEvent.type(channel, 'bad name!');
    await userEvent.click(within(root).getByRole('button', { name: 'Send anyway' }));
    expect(within(root).getByRole('button', { name: /^(Cancel|Send request)$/ })).toHaveFocus();
  });
});

describe('the line under Send', () => {
  it('holds "No answer yet", then the elapsed time, then the result: one element, so the tester keeps its height', async () => {
    let answer: (response: Response) => void = () => {};
    fetchMock.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    const send = within(root).getByRole('button', { name: 'Send request' });
    const line = send.nextElementSibling;
    expect(line).toHaveTextContent(/^No answer yet$/);
    await userEvent.click(send);
    await within(root).findByRole('button', { name: 'Cancel' }, { timeout: 5000 });
    expect(send.nextElementSibling).toBe(line);
    expect(line).toHaveTextContent(/^Sending… \d+\.\d s$/);
    answer(relayAnswer({}));
    await within(root).findByText('200 OK in 12 ms');
    expect(send.nextElementSibling).toBe(line);
    expect(line).toHaveTextContent(/^View response200 OK in 12 ms$/);
    // Simulate and Copy link follow the line, in the order Tab visits them.
    expect(line?.nextElementSibling).toHaveTextContent(/^Simulate/);
  });
});

describe('the server\'s complaint about a field', () => {
  it('shows under the field until the reader changes its value', async () => {
    fetchMock.mockResolvedValue(
      relayAnswer({ status: 400, statusText: 'Bad Request', body: { code: 400, message: 'Invalid', details: { field: 'uid', reason: 'uid is taken' } } }),
    );
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    await within(root).findByText('400 Bad Request in 12 ms');
    const uid = within(root).getByLabelText('uid', { exact: true });
    expect(uid).toHaveAccessibleDescription(/The server refused it: uid is taken/);
    await userEvent.type(uid, '7');
    expect(uid).not.toHaveAccessibleDescription(/The server refused it/);
  });
});
