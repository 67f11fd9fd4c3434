// @vitest-environment jsdom
// The Events panel against a stand-in stream: the project's credentials in a header, notices newest first,
// the tester's family filter and its toggle, the batched announcement, a notice's headers and masked secret,
// and the link to the tester's history entry of the call that caused it.
import React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom/vitest';
import type { NoticeRecord } from '../../sandbox/events/types';

vi.mock('../AgoraApiTester/site', async () => (await import('../AgoraApiTester/testing/siteMock')).siteMock);

const { useRelayFetch, TEST_PROJECT } = await import('../AgoraApiTester/testing/relayFetch');
const { default: Panel } = await import('./Panel');
const { default: EventsEntry } = await import('./Entry');
const { resetPageEvents } = await import('./store');
const { pageHistory } = await import('../AgoraApiTester/stores/pageHistory');
const { historyEntry } = await import('../AgoraApiTester/history');
const { getOperation } = await import('../../catalog');
const { defaultRequest } = await import('../../request/build');

const fetchMock = useRelayFetch();
const encoder = new TextEncoder();
let push: (text: string) => void;

beforeEach(() => {
  resetPageEvents();
  fetchMock.mockImplementation(async () => {
    const body = new ReadableStream<Uint8Array>({ start: (controller) => void (push = (text) => controller.enqueue(encoder.encode(text))) });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
  });
});
afterEach(() => resetPageEvents());

const HELLO = { appId: TEST_PROJECT.appId, ncsSecret: 'f00d'.repeat(8), delivery: { target: null, operatorTarget: false, configurable: false, allowed: [] } };

function record(seq: number, family: NoticeRecord['family'], name: string, eventType: number, payload: Record<string, unknown>, extra: Partial<NoticeRecord> = {}): NoticeRecord {
  const body = { noticeId: `x:${seq}:${eventType}`, productId: 4, eventType, notifyMs: Date.UTC(2026, 10, 29, 12, 0, seq), payload };
  const raw = JSON.stringify(body);
  return { seq, rev: seq, family, name, body, raw, headers: { 'Content-Type': 'application/json', 'Agora-Signature': `sha1-${seq}`, 'Agora-Signature-V2': `sha256-${seq}` }, ...extra };
}

const send = (event: string, data: unknown, id?: number) => push(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
const cause = (requestId: string, operationId: string) => ({ requestId, operationId, method: 'POST', path: '/na/v1/projects/x/cloud-player/players' });

async function streamOpen() {
  await waitFor(() => expect(fetchMock).toHaveBeenCalled());
  const [url, init] = fetchMock.mock.calls[0];
  return { url: String(url), headers: init?.headers as Record<string, string> };
}

describe('Events panel', () => {
  it('connects with the project’s credentials in a header and says what to send while empty', async () => {
    render(<Panel sandboxBase="/sandbox" family="media-pull" />);
    const { url, headers } = await streamOpen();
    expect(url).toBe('/sandbox/__sandbox/events');
    expect(url).not.toContain(TEST_PROJECT.customerSecret);
    expect(headers.Authorization).toBe(`Basic ${btoa(`${TEST_PROJECT.customerId}:${TEST_PROJECT.customerSecret}`)}`);
    expect(screen.getByText(/^Send create-cloud-player: its Player Created notice appears here/)).toBeInTheDocument();
  });

  it('lists the family’s notices newest first, shows all on request, and announces a burst once', async () => {
    const entry = historyEntry(defaultRequest(getOperation('create-cloud-player')), getOperation('create-cloud-player'), {
      environment: 'sandbox',
      status: 200,
      text: '200 OK',
      at: Date.UTC(2026, 10, 29, 12, 0, 0),
      requestId: 'req-1',
    });
    pageHistory(window.location.pathname).record(entry);
    // The tester's history row the link leads to, closed as the History disclosure starts.
    const host = document.body.appendChild(document.createElement('div'));
    const scrolled = vi.fn();
    // jsdom lays nothing out, so it has no scrollIntoView.
    Element.prototype.scrollIntoView = scrolled;
    host.innerHTML = `<section data-endpoint="create-cloud-player"><details><summary>History</summary><button data-history-id="${entry.id}">row</button></details></section>`;

    render(<Panel sandboxBase="/sandbox" family="media-pull" />);
    await streamOpen();
    send('hello', HELLO);
    // The backlog (what the project sent before the panel opened) is listed, not announced.
    send('notice', record(1, 'media-pull', 'Player Created', 1, { player: { id: 'p1', status: 'connecting', channelName: 'demo' } }, { cause: cause('req-1', 'create-cloud-player') }), 1);
    await waitFor(() => expect(document.querySelector('[data-announcing]')).not.toBeNull());
    send('notice', record(2, 'rtc', 'broadcaster join channel', 103, { channelName: 'demo', uid: 7 }, { cause: cause('req-1', 'create-cloud-player') }), 2);
    send('notice', record(3, 'cloud-recording', 'recorder_started', 40, { sid: 's1', cname: 'rec', uid: '1' }, { cause: cause('req-9', 'start-recording') }), 3);
    send('notice', record(4, 'media-pull', 'Player Destroyed', 3, { player: { id: 'p1' }, destroyReason: 'Idle Timeout' }, { origin: 'idle timeout (300 s without an update)' }), 4);

    const list = await screen.findByRole('list', { name: 'Notifications, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-seq'))).toEqual(['4', '2', '1']);
    expect(items[2]).toHaveTextContent(/Media Pull\s*Player Created\s*eventType 1/);
    expect(items[2]).toHaveTextContent('player p1 · connecting · channel demo');
    expect(items[0]).toHaveTextContent('Caused by idle timeout (300 s without an update)');
    // One sentence for the burst, in the polite live region.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^2 new notifications: broadcaster join channel, Player Destroyed\.$/), { timeout: 3000 });

    await userEvent.click(screen.getByLabelText(/Show every product’s notifications/));
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);

    // The link to the call: opens that tester's History and focuses the entry.
    const link = within(items[2]).getByRole('link', { name: /your create-cloud-player call at/ });
    await userEvent.click(link);
    const row = host.querySelector<HTMLElement>(`[data-history-id="${entry.id}"]`)!;
    expect(row.closest('details')!.open).toBe(true);
    expect(row).toHaveFocus();
    expect(scrolled).toHaveBeenCalledWith({ block: 'center' });
    expect(scrolled.mock.contexts[0]).toBe(row);
    host.remove();
  });

  it('opens a notice to its body, signed headers, masked secret and delivery, and updates it on a higher rev', async () => {
    render(<Panel sandboxBase="/sandbox" />);
    await streamOpen();
    send('hello', HELLO);
    const created = record(1, 'media-pull', 'Player Created', 1, { player: { id: 'p1' } });
    send('notice', created, 1);
    const item = (await screen.findAllByRole('listitem'))[0];
    await userEvent.click(within(item).getByText('Player Created'));
    expect(within(item).getByLabelText('Body of Player Created')).toHaveTextContent('"noticeId": "x:1:1"');
    expect(within(item).getByText('sha1-1')).toBeInTheDocument();
    expect(within(item).getByText('sha256-1')).toBeInTheDocument();
    expect(within(item).getByRole('button', { name: 'Copy Agora-Signature-V2' })).toBeInTheDocument();
    expect(within(item).queryByText(HELLO.ncsSecret)).toBeNull();
    await userEvent.click(within(item).getByRole('button', { name: 'Show NCS secret' }));
    expect(within(item).getByText(HELLO.ncsSecret)).toBeInTheDocument();
    expect(item).toHaveTextContent(/Not POSTed anywhere/);
    // The same notice again, delivered: replaced in place, not added.
    send('notice', { ...created, rev: 5, delivery: { target: 'http://127.0.0.1:8080/agora', state: 'delivered', attempts: [{ n: 1, at: 0, status: 200, ms: 12 }] } }, 5);
    await waitFor(() => expect(item).toHaveTextContent(/To http:\/\/127\.0\.0\.1:8080\/agora: Delivered/));
    expect(within(item).getByRole('list', { name: 'Delivery attempts' })).toHaveTextContent(/Attempt 1 at .*: HTTP 200 · 12 ms/);
    expect(screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-seq'))).toHaveLength(1);
  });
});

describe('the Sandbox page’s panel', () => {
  it('opens its stream only once scrolled into view', async () => {
    let reveal: (() => void) | undefined;
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: (entries: Array<{ isIntersecting: boolean }>) => void) {
          reveal = () => callback([{ isIntersecting: true }]);
        }
        observe() {}
        disconnect() {}
      },
    );
    render(<Panel sandboxBase="/sandbox" whenVisible />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByText('Connects to your sandbox project’s notifications when shown.')).toBeInTheDocument();
    act(() => reveal!());
    await streamOpen();
    send('hello', HELLO);
    expect(await screen.findByText(/^Connected: the notifications of your sandbox project \(App ID a1a1…a1a1\)/)).toBeInTheDocument();
  });
});

describe('the tester’s Events entry', () => {
  it('says where Live notifications go instead', () => {
    render(<EventsEntry family="media-pull" environment="live" sandboxBase="/sandbox" entries={[]} />);
    expect(screen.getByText(/Live notifications go to the webhook configured in Agora Console, not here/)).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('opens no stream until it is opened, then counts what this tester’s calls caused', async () => {
    const op = getOperation('create-cloud-player');
    const entry = historyEntry(defaultRequest(op), op, { environment: 'sandbox', status: 200, text: '200 OK', at: 0, requestId: 'req-1' });
    render(<EventsEntry family="media-pull" environment="sandbox" sandboxBase="/sandbox" entries={[entry]} />);
    // A sandbox call alone opens nothing: a stream held for the count would cost the server one per reader.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetchMock).not.toHaveBeenCalled();
    await userEvent.setup().click(screen.getByText('Events', { exact: false }).closest('summary')!);
    await streamOpen();
    send('hello', HELLO);
    send('notice', record(1, 'media-pull', 'Player Created', 1, {}, { cause: cause('req-1', 'create-cloud-player') }), 1);
    send('notice', record(2, 'rtc', 'channel create', 101, {}, { cause: cause('req-other', 'create-channel') }), 2);
    await waitFor(() => expect(document.querySelector('[data-events-count]')).toHaveAttribute('data-events-count', '1'));
    expect(screen.getByText('Events', { exact: false }).closest('summary')).toHaveTextContent('Events 1 caused by these calls');
  });

  it('says notices go nowhere when the operator allowed no target, and points to running the sandbox yourself', async () => {
    render(<Panel sandboxBase="/sandbox" />);
    await streamOpen();
    await act(async () => send('hello', HELLO));
    const target = await screen.findByText(/Shown here only: this sandbox POSTs notices nowhere/);
    expect(target).toHaveTextContent('npm run sandbox -- --webhook <URL>');
    expect(screen.queryByLabelText('Your webhook URL')).not.toBeInTheDocument();
  });

  it('lets a project choose an allowed target, keeping a refused URL in the field with the reason', async () => {
    const allowed = { ...HELLO, delivery: { target: null, operatorTarget: false, configurable: true, allowed: ['https://hooks.example.com/agora/'] } };
    render(<Panel sandboxBase="/sandbox" />);
    await streamOpen();
    await act(async () => send('hello', allowed));
    const field = await screen.findByLabelText('Your webhook URL');
    const user = userEvent.setup();
    fetchMock.mockImplementationOnce(async () =>
      new Response(JSON.stringify({ error: { code: 'target_not_allowed', message: 'This sandbox delivers only to URLs under https://hooks.example.com/agora/.' } }), { status: 400 }),
    );
    await user.type(field, 'https://elsewhere.example/hook');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/delivers only to URLs under/)).toBeInTheDocument();
    expect(field).toHaveValue('https://elsewhere.example/hook');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    const [url, init] = fetchMock.mock.calls.at(-1)!;
    expect(String(url)).toBe('/sandbox/__sandbox/webhook');
    expect(init).toMatchObject({ method: 'PUT', body: JSON.stringify({ url: 'https://elsewhere.example/hook' }) });
    expect((init?.headers as Record<string, string>).Authorization).toMatch(/^Basic /);

    const chosen = 'https://hooks.example.com/agora/mine';
    fetchMock.mockImplementationOnce(async () => new Response(JSON.stringify({ delivery: { ...allowed.delivery, target: chosen } }), { status: 200 }));
    await user.clear(field);
    await user.type(field, chosen);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(`Saved: new notices are POSTed to ${chosen}.`)).toBeInTheDocument();
    expect(screen.getByText(/this project’s target/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear' })).toBeInTheDocument();
  });
});
