// @vitest-environment jsdom
import React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom/vitest';

vi.mock('./site', async () => (await import('./testing/siteMock')).siteMock);
vi.mock('./BodyEditor/MonacoJson', async () => ({ default: (await import('./testing/siteMock')).MonacoStandIn }));

const { relayAnswer, useRelayFetch } = await import('./testing/relayFetch');

const { default: AgoraApiTester } = await import('./Tester');
const { QUIET_SEND_MS } = await import('./useTester');


const fetchMock = useRelayFetch();

function tester() {
  return screen.getByRole('region', { name: 'Create a channel' });
}

describe('form building', () => {
  it("nests its headings under the page's: h4 under a guide's ###, h3 under a reference page's Try it (h2)", () => {
    const levels = () => [/^Body/, /^Code$/, /^Response$/].map((name) => Number(within(tester()).getByRole('heading', { name }).tagName.slice(1)));
    render(<AgoraApiTester endpoint="create-channel" />);
    expect(levels()).toEqual([4, 4, 4]);
    cleanup();
    render(<AgoraApiTester endpoint="create-channel" headingLevel={3} />);
    expect(levels()).toEqual([3, 3, 3]);
  });

  it('builds labelled fields from the catalog, pre-filled so Send works at once', () => {
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    // In the header (the cURL snippet below says POST too).
    const header = root.querySelector('header')!;
    expect(within(header).getByText('POST')).toBeInTheDocument();
    expect(within(header).getByText('{projectId}').tagName).toBe('MARK');
    expect(within(root).getByRole('link', { name: /Reference/ })).toHaveAttribute('href', '/docs/reference/guide-examples/create-channel');
    expect(within(root).getByLabelText('projectId')).toHaveValue('0123456789abcdef0123456789abcdef');
    expect(within(root).getByLabelText('channel', { exact: true })).toHaveValue('myvideochannel');
    expect(within(root).getByLabelText('resourceExpiredHour')).toHaveValue('24');
    const channelType = within(root).getByLabelText('channelType');
    expect(channelType.tagName).toBe('SELECT');
    expect(within(channelType).getAllByRole('option').map((option) => option.textContent)).toEqual(['(not set)', '0', '1']);
    expect(within(root).getByLabelText('Server')).toHaveValue('api.agora.io');
    expect(within(root).getByLabelText('Customer Secret')).toHaveAttribute('type', 'password');
    expect(within(root).getByRole('button', { name: 'Send request' })).not.toHaveAttribute('aria-disabled');
    expect(within(root).getByRole('tab', { name: 'cURL' })).toHaveAttribute('aria-selected', 'true');
  });

  it('shows the secret on demand and labels the demo credentials', async () => {
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    expect(within(root).getAllByText('demo').length).toBeGreaterThan(0);
    await userEvent.click(within(root).getByText(/^Credentials:/));
    await userEvent.click(within(root).getByRole('button', { name: 'Show Customer Secret' }));
    expect(within(root).getByLabelText('Customer Secret')).toHaveAttribute('type', 'text');
  });
});

describe('validation', () => {
  it('puts the message next to the field and blocks Send with a summary', async () => {
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    const channel = within(root).getByLabelText('channel', { exact: true });
    await userEvent.clear(channel);
    await userEvent.type(channel, 'bad name!');
    // The pattern is checked once the operation's precompiled checks are here (focus fetched them).
    await waitFor(() => expect(channel).toHaveAttribute('aria-invalid', 'true'));
    // Short, under its own label: what to type, not the field's name again, nor its regex.
    expect(channel).toHaveAccessibleDescription(/^Must be 1–63 letters or digits\./);
    expect(within(root).getByText(/Send is blocked/).parentElement).toHaveTextContent('channel must be 1–63 letters or digits.');
    const send = within(root).getByRole('button', { name: 'Send request' });
    expect(send).toHaveAttribute('aria-disabled', 'true');
    expect(within(root).getByText(/Send is blocked until this is fixed/)).toBeInTheDocument();
    await userEvent.click(send);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('explains uid XOR account in plain words', async () => {
    render(<AgoraApiTester endpoint="create-cloud-player" />);
    const root = screen.getByRole('region', { name: /cloud player/i });
    await userEvent.type(within(root).getByLabelText('account'), 'alice');
    await waitFor(() => expect(within(root).getByLabelText('uid')).toHaveAccessibleDescription(/Set only one of uid and account, not both/));
    expect(within(root).getByLabelText('account')).toHaveAccessibleDescription(/Set only one of uid and account, not both/);
  });
});

describe('body views stay in sync', () => {
  it('form edits show in the JSON view and JSON edits show in the form', async () => {
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    const uid = within(root).getByLabelText('uid', { exact: true });
    await userEvent.clear(uid);
    await userEvent.type(uid, 'reader42');
    await userEvent.click(within(root).getByRole('tab', { name: 'JSON' }));
    const json = await within(root).findByTestId('monaco-stand-in');
    expect(JSON.parse((json as HTMLTextAreaElement).value).uid).toBe('reader42');
    await userEvent.clear(json);
    await userEvent.click(json);
    await userEvent.paste('{"channel":"fromjson","uid":"7"}');
    await userEvent.click(within(root).getByRole('tab', { name: 'Form' }));
    expect(within(root).getByLabelText('channel', { exact: true })).toHaveValue('fromjson');
    // clientRequest is optional and now empty: its group is closed, its fields not rendered until opened.
    const group = within(root).getByText('clientRequest', { selector: 'summary code' }).closest('details')!;
    expect(group).not.toHaveAttribute('open');
    expect(within(root).queryByLabelText('resourceExpiredHour')).toBeNull();
    await userEvent.click(within(group).getByText('clientRequest'));
    expect(within(root).getByLabelText('resourceExpiredHour')).toHaveValue('');
  });

  it('opens a closed group when a value for it arrives from the JSON view, and keeps a group the reader closed closed', async () => {
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    const groupOf = () => within(root).getByText('clientRequest', { selector: 'summary code' }).closest('details')!;
    // The example fills clientRequest, so its group starts open with the example's value in it.
    expect(groupOf()).toHaveAttribute('open');
    expect(within(root).getByLabelText('resourceExpiredHour')).toHaveValue('24');
    // The reader closes it: its fields leave the page, and it stays closed while its value is unchanged.
    await userEvent.click(within(groupOf()).getByText('clientRequest'));
    expect(groupOf()).not.toHaveAttribute('open');
    expect(within(root).queryByLabelText('resourceExpiredHour')).toBeNull();
    await userEvent.type(within(root).getByLabelText('uid', { exact: true }), '9');
    expect(groupOf()).not.toHaveAttribute('open');
    // A body without clientRequest, then one with it, typed in the JSON view: back in the form, the group is open.
    await userEvent.click(within(root).getByRole('tab', { name: 'JSON' }));
    const json = await within(root).findByTestId('monaco-stand-in');
    await userEvent.clear(json);
    await userEvent.click(json);
    await userEvent.paste('{"channel":"c1","uid":"7","clientRequest":{"resourceExpiredHour":12}}');
    await userEvent.click(within(root).getByRole('tab', { name: 'Form' }));
    expect(groupOf()).toHaveAttribute('open');
    expect(within(root).getByLabelText('resourceExpiredHour')).toHaveValue('12');
  });

  it('keeps half-typed JSON and blocks Send until it parses', async () => {
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    await userEvent.click(within(root).getByRole('tab', { name: 'JSON' }));
    const json = await within(root).findByLabelText('Create a channel: JSON body');
    await userEvent.clear(json);
    await userEvent.type(json, '{{"channel": ');
    expect(within(root).getAllByText(/The JSON body does not parse yet/).length).toBeGreaterThan(0);
    expect(within(root).getByRole('button', { name: 'Send request' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('updates the cURL snippet at every keystroke', async () => {
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    await userEvent.type(within(root).getByLabelText('channel', { exact: true }), 'X');
    expect(within(root).getByLabelText('cURL snippet').textContent).toContain('myvideochannelX');
    expect(within(root).getByLabelText('cURL snippet').textContent).not.toContain('demo-customer-secret');
  });
});

describe('response states', () => {
  it('shows loading, then a 200 with attempts, quota and body', async () => {
    let answer: (response: Response) => void = () => {};
    fetchMock.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    // Shown once the send has taken longer than a moment (QUIET_SEND_MS).
    expect(await within(root).findByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    expect(within(root).getByText('Sending request…')).toBeInTheDocument();
    const envelope = JSON.parse(String(fetchMock.mock.calls[0][1]?.body));
    expect(envelope).toMatchObject({ operationId: 'create-channel', environment: 'sandbox', headers: { Authorization: expect.stringMatching(/^Basic /) } });
    await act(async () =>
      answer(
        relayAnswer({
          headers: { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '97', 'x-request-id': 'abc' },
          body: { code: 200, message: 'success', data: { resourceId: 'r1' } },
          attempts: [{ host: 'api.agora.io', status: 200, error: null, waitMs: 0, durationMs: 10 }],
        }),
      ),
    );
    expect(within(root).getByText(/^200 OK · 12 ms/)).toBeInTheDocument();
    // The details load on the first Send (ResponsePanel/Details.tsx), so they may land a tick after the status.
    expect(await within(root).findByText('Remaining quota: 97 of 100 requests')).toBeInTheDocument();
    // The Pretty view (default) is a tree: `key: value` rows.
    expect(within(root).getByRole('tree', { name: 'Response body' })).toHaveTextContent('resourceId: "r1"');
    expect(within(root).getByRole('list', { name: 'Attempts' })).toHaveTextContent('api.agora.io 200');
  });

  it('explains a 401 with the catalog troubleshooting row', async () => {
    fetchMock.mockResolvedValue(relayAnswer({ status: 401, statusText: 'Unauthorized', body: { message: 'Invalid authentication credentials' } }));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    expect(await within(root).findByText(/^401 Unauthorized ·/)).toBeInTheDocument();
    expect(await within(root).findByText('401 Unauthorized', { selector: 'p' })).toBeInTheDocument();
    expect(within(root).getByText(/What to do:/)).toBeInTheDocument();
  });

  it('marks the field a 400 names', async () => {
    fetchMock.mockResolvedValue(
      relayAnswer({ status: 400, statusText: 'Bad Request', body: { code: 400, message: 'Invalid channel name format', details: { field: 'channel', reason: 'Channel name must be alphanumeric' } } }),
    );
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    await within(root).findByText(/^400 Bad Request ·/);
    expect(within(root).getByLabelText('channel', { exact: true })).toHaveAccessibleDescription(/The server refused it: Channel name must be alphanumeric/);
  });

  it('explains a relay refusal', async () => {
    fetchMock.mockResolvedValue(relayAnswer({ error: { code: 'rate_limited', message: 'Too many requests from this client.' } } as never, 429));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    expect(await within(root).findByText('Refused by the relay')).toBeInTheDocument();
    expect(within(root).getByText(/paused you/)).toBeInTheDocument();
  });

  it('an answer within a moment replaces the last one directly, with no "Sending…" in between; a slower one shows it', async () => {
    let answer: (response: Response) => void = () => {};
    fetchMock.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    const seen: string[] = [];
    const phases = new MutationObserver(() => seen.push(root.querySelector('[data-phase]')!.getAttribute('data-phase')!));
    phases.observe(root, { subtree: true, attributes: true, attributeFilter: ['data-phase'] });
    // Quick: answered before QUIET_SEND_MS.
    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    await act(async () => answer(relayAnswer({})));
    await within(root).findByText(/^200 OK ·/);
    expect(seen).toEqual(['done']);
    // Slow: "Sending…" and Cancel once the moment has passed, then the answer.
    seen.length = 0;
    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    expect(within(root).queryByRole('button', { name: 'Cancel' })).toBeNull();
    await act(async () => new Promise((done) => setTimeout(done, QUIET_SEND_MS + 50)));
    expect(within(root).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    await act(async () => answer(relayAnswer({})));
    await waitFor(() => expect(seen).toEqual(['sending', 'done']));
    phases.disconnect();
  });

  it('draws the next answer over the last one\'s details, each viewer starting afresh', async () => {
    const attempt = (id: string) => ({
      host: 'api.agora.io',
      status: 200,
      error: null,
      waitMs: 0,
      durationMs: 10,
      request: { method: 'POST', url: 'https://api.agora.io/v1/x', headers: { 'x-request-id': id } },
    });
    fetchMock.mockResolvedValueOnce(relayAnswer({ body: { data: { resourceId: 'r1', list: [1, 2] } }, attempts: [attempt('one')] }));
    fetchMock.mockResolvedValueOnce(relayAnswer({ body: { data: { resourceId: 'r2', list: [1, 2] } }, attempts: [attempt('two')] }));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    const send = within(root).getByRole('button', { name: 'Send request' });
    await userEvent.click(send);
    const tree = await within(root).findByRole('tree', { name: 'Response body' });
    expect(tree).toHaveTextContent('resourceId: "r1"');
    const details = root.querySelector('[data-details]')!;
    expect(details).toHaveAttribute('data-answer', '1');
    // The reader's choices on this answer: the inspector opened, a search typed.
    const inspector = within(root).getByText('Request sent:').closest('details')!;
    await userEvent.click(within(inspector).getByText('Request sent:'));
    expect(inspector.open).toBe(true);
    await userEvent.type(within(root).getByLabelText('Find in response body'), 'list');
    await userEvent.click(send);
    await waitFor(() => expect(within(root).getByRole('tree', { name: 'Response body' })).toHaveTextContent('resourceId: "r2"'));
    // The same elements, updated in place (a rebuilt panel styles and lays out all of them again on every Send) …
    expect(root.querySelector('[data-details]')).toBe(details);
    expect(within(root).getByRole('tree', { name: 'Response body' })).toBe(tree);
    expect(details).toHaveAttribute('data-answer', '2');
    // … and nothing of the last answer's viewers carried over.
    expect(within(root).getByText('Request sent:').closest('details')).toBe(inspector);
    expect(inspector.open).toBe(false);
    expect(within(root).getByLabelText('Find in response body')).toHaveValue('');
    expect(within(inspector).getByText('x-request-id').nextSibling).toHaveTextContent('two');
  });

  it('cancels, keeping what the reader typed', async () => {
    fetchMock.mockImplementation((_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    await userEvent.type(within(root).getByLabelText('uid', { exact: true }), '9');
    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    await userEvent.click(await within(root).findByRole('button', { name: 'Cancel' }));
    expect(await within(root).findByText(/^Cancelled:/)).toBeInTheDocument();
    expect(within(root).getByLabelText('uid', { exact: true })).toHaveValue('user_123459');
  });

  it('sends the simulated fault in the sandbox and records history without credentials', async () => {
    fetchMock.mockResolvedValue(relayAnswer({}));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    await userEvent.selectOptions(within(root).getByLabelText('Simulate'), '503');
    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    await within(root).findByText(/^200 OK ·/);
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body)).headers['X-Sandbox-Fault']).toBe('503');
    await waitFor(() => expect(within(root).getByText(/^History \(1\)/)).toBeInTheDocument());
    expect(JSON.stringify(window.sessionStorage)).not.toContain('Basic');
  });
});

describe('share links', () => {
  it('Copy link leaves the address bar alone and carries the Simulate choice; opening the link restores both', async () => {
    const first = render(<AgoraApiTester endpoint="create-channel" />);
    const channel = within(tester()).getByLabelText('channel', { exact: true });
    await userEvent.clear(channel);
    await userEvent.type(channel, 'shared1');
    await userEvent.selectOptions(within(tester()).getByLabelText('Simulate'), '503');
    await userEvent.click(within(tester()).getByRole('button', { name: 'Copy link' }));
    expect(window.location.hash).toBe('');
    // jsdom has no clipboard: the link is offered in a field to copy by hand.
    expect(within(tester()).getByText(/clipboard is not available/)).toBeInTheDocument();
    const link = (within(tester()).getByLabelText('Share link') as HTMLInputElement).value;
    expect(link).toMatch(/#try=1\./);
    expect(decodeURIComponent(link)).not.toContain('demo-customer');
    first.unmount();
    // Another tab: nothing saved, only the link.
    window.sessionStorage.clear();
    window.history.replaceState(null, '', new URL(link).hash);
    render(<AgoraApiTester endpoint="create-channel" />);
    await waitFor(() => expect(within(tester()).getByLabelText('channel', { exact: true })).toHaveValue('shared1'));
    expect(within(tester()).getByLabelText('Simulate')).toHaveValue('503');
    window.history.replaceState(null, '', '/');
  });

  it('the form survives leaving the page and coming back, and Back to the link keeps the edits', async () => {
    window.history.replaceState(null, '', '/');
    const first = render(<AgoraApiTester endpoint="create-channel" />);
    const channel = within(tester()).getByLabelText('channel', { exact: true });
    await userEvent.clear(channel);
    await userEvent.type(channel, 'kept1');
    first.unmount();
    const second = render(<AgoraApiTester endpoint="create-channel" />);
    await waitFor(() => expect(within(tester()).getByLabelText('channel', { exact: true })).toHaveValue('kept1'));
    second.unmount();
    render(<AgoraApiTester endpoint="get-channel" />);
    expect(screen.queryByDisplayValue('kept1')).toBeNull();
  });
});

describe("the guide's illustrative calls", () => {
  it('say so where the tester sits and link the nearest real call', () => {
    render(<AgoraApiTester endpoint="get-channel" />);
    const root = screen.getByRole('region', { name: 'Get channel information' });
    const note = within(root).getByRole('note');
    expect(note).toHaveTextContent(/Illustrative call/);
    expect(within(note).getByRole('link', { name: /Query user list|users/i })).toHaveAttribute('href', '/docs/reference/channel-management/list-channel-users');
  });

  it('ask before Live sends them to Agora, and send only when confirmed', async () => {
    fetchMock.mockResolvedValue(relayAnswer({ status: 404, statusText: 'Not Found' }));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    await userEvent.click(within(root).getByRole('radio', { name: 'Live (real Agora)' }));
    await userEvent.type(within(root).getByLabelText('Customer ID'), 'my-id');
    await userEvent.type(within(root).getByLabelText('Customer Secret'), 'my-secret');
    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    const question = within(root).getByRole('alertdialog', { name: 'Send to Agora?' });
    expect(question).toHaveTextContent(/api\.agora\.io will most likely refuse it/);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(within(question).getByRole('button', { name: 'Send to Agora anyway' })).toHaveFocus();
    await userEvent.click(within(question).getByRole('button', { name: "Don't send" }));
    expect(fetchMock).not.toHaveBeenCalled();
    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    await userEvent.click(within(root).getByRole('button', { name: 'Send to Agora anyway' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toMatchObject({ operationId: 'create-channel', environment: 'live' });
  });

  it('do not ask in the sandbox, nor for a real call in Live', async () => {
    fetchMock.mockResolvedValue(relayAnswer({}));
    render(<AgoraApiTester endpoint="create-channel" />);
    await userEvent.click(within(tester()).getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    cleanup();
    render(<AgoraApiTester endpoint="list-channels" />);
    const real = screen.getByRole('region', { name: /List/ });
    expect(within(real).queryByRole('note')).toBeNull();
    await userEvent.click(within(real).getByRole('radio', { name: 'Live (real Agora)' }));
    await userEvent.click(within(real).getByRole('button', { name: 'Send request' }));
    expect(within(real).queryByRole('alertdialog')).toBeNull();
  });
});
