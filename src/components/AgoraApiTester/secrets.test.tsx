// @vitest-environment jsdom
// Secret body fields (x-secret) in the browser: masked in the form, sent, and
// then absent from sessionStorage, the share link and the default snippet.
import React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom/vitest';

vi.mock('./site', async () => (await import('./testing/siteMock')).siteMock);
vi.mock('./BodyEditor/MonacoJson', async () => ({ default: (await import('./testing/siteMock')).MonacoStandIn }));

const { useRelayFetch } = await import('./testing/relayFetch');

const { default: AgoraApiTester } = await import('./Tester');

const SECRET = 'TYPED-s3cret-KEY-4242';
const fetchMock = useRelayFetch();

const tester = () => screen.getByRole('region', { name: 'Start recording' });

/** Everything a share link carries, decoded. */
function linkText(link: string): string {
  const data = new URL(link).hash.split('.')[1] ?? '';
  const binary = atob(data.replace(/-/g, '+').replace(/_/g, '/'));
  return `${link}\n${new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))}`;
}

describe('secret fields', () => {
  it('are masked, sent, and kept out of history, the share link and the snippet', async () => {
    fetchMock.mockImplementation(async () =>
      new Response(JSON.stringify({ status: 200, statusText: 'OK', headers: {}, body: { sid: 's1' }, sizeBytes: 2, durationMs: 5, attempts: [] }), {
        headers: { 'content-type': 'application/json' },
      }),
    );
    const first = render(<AgoraApiTester endpoint="start-recording" />);
    const root = tester();
    // A chained id typed by hand, so Send makes exactly one call.
    await userEvent.click(within(root).getByLabelText('resourceid'));
    await userEvent.paste('res-1');

    const secretKey = within(root).getByLabelText('secretKey');
    expect(secretKey).toHaveAttribute('type', 'password');
    await userEvent.clear(secretKey);
    // Pasted, as a reader pastes a key (and one event instead of 21 re-renders of a large form).
    await userEvent.paste(SECRET);
    await userEvent.click(within(root).getByRole('button', { name: 'Show secretKey' }));
    expect(secretKey).toHaveAttribute('type', 'text');

    // The default snippet reads it from the environment; ticking the box writes it in.
    const code = () => within(root).getByRole('region', { name: 'Code' }).textContent ?? '';
    expect(code()).toContain('AGORA_STORAGE_SECRET_KEY');
    expect(code()).not.toContain(SECRET);
    await userEvent.click(within(root).getByLabelText('Include my credentials and secrets'));
    expect(code()).toContain(SECRET);
    await userEvent.click(within(root).getByLabelText('Include my credentials and secrets'));

    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    await within(root).findByText(/^200 OK ·/);
    // The request itself carries the secret: that is what the reader asked to send.
    expect(String(fetchMock.mock.calls[0][1]?.body)).toContain(SECRET);
    await waitFor(() => expect(within(root).getByText(/^History \(1\)/)).toBeInTheDocument());

    await userEvent.click(within(root).getByRole('button', { name: 'Copy link' }));
    // jsdom has no clipboard: the link is offered in a field to copy by hand.
    const link = (within(root).getByLabelText('Share link') as HTMLInputElement).value;
    expect(link).toMatch(/#try=1\./);
    expect(linkText(link)).toContain('demo-bucket');
    expect(linkText(link)).not.toContain(SECRET);
    expect(linkText(link)).not.toContain('demo-access-key');
    // The form this tab keeps (and history) hold no secret either.
    expect(JSON.stringify({ ...window.sessionStorage })).toContain('demo-bucket');
    expect(JSON.stringify({ ...window.sessionStorage })).not.toContain(SECRET);

    // Opening the link in another tab restores the form with the secrets empty, and says so.
    first.unmount();
    window.sessionStorage.clear();
    window.history.replaceState(null, '', new URL(link).hash);
    render(<AgoraApiTester endpoint="start-recording" />);
    await within(tester()).findByText(/Secrets are never saved/);
    const restored = tester();
    expect(within(restored).getByLabelText('secretKey')).toHaveValue('');
    expect(within(restored).getByLabelText('bucket')).toHaveValue('demo-bucket');
    expect(within(restored).getByText(/Secrets are never saved/).textContent).toMatch(/Type them again: clientRequest\.storageConfig\.accessKey, clientRequest\.storageConfig\.secretKey/);
  }, 120_000);
});
