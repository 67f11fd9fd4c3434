// @vitest-environment jsdom
// Per-visitor sandbox projects in the tester: the session panel, the form's App ID, the snippet and what
// Send sends use this browser's project; Start over and Reset project; a share link made with another
// project; the shared demo project when none can be had.
import React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom/vitest';
import { DEMO } from '../../sandbox/demo';

vi.mock('./site', async () => (await import('./testing/siteMock')).siteMock);
vi.mock('./BodyEditor/MonacoJson', async () => ({ default: (await import('./testing/siteMock')).MonacoStandIn }));

const { relayAnswer, useRelayFetch, TEST_PROJECT, TEST_PROJECT_2 } = await import('./testing/relayFetch');
const { default: AgoraApiTester } = await import('./Tester');
const { pageSandboxProject, resetPageSandboxProject, PROJECT_KEY } = await import('./stores/sandboxProject');
const { encodeShare } = await import('./share');
const { getOperation } = await import('../../catalog');
const { defaultRequest } = await import('../../request/build');

const fetchMock = useRelayFetch();

function tester() {
  return screen.getByRole('region', { name: 'Create a channel' });
}

const basic = (project: { customerId: string; customerSecret: string }) => `Basic ${btoa(`${project.customerId}:${project.customerSecret}`)}`;

describe('this browser\'s sandbox project', () => {
  it('is shown in the panel and used by the form, the snippet and Send', async () => {
    fetchMock.mockResolvedValue(relayAnswer({ body: { code: 200 } }));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    expect(within(root).getByText('Getting your sandbox project…')).toBeInTheDocument();
    await waitFor(() => expect(within(root).getByLabelText('projectId')).toHaveValue(TEST_PROJECT.appId));
    expect(within(root).getByText(TEST_PROJECT.appId, { selector: 'code' }).parentElement).toHaveTextContent(/^Your sandbox project: App ID a1a1.*kept until/);
    expect(within(root).getByLabelText('cURL snippet')).toHaveTextContent(`/sandbox/v1/projects/${TEST_PROJECT.appId}/rtc/channels`);
    // Credentials stay out of the snippet unless asked for, as before.
    expect(within(root).getByLabelText('cURL snippet').textContent).not.toContain(TEST_PROJECT.customerSecret);
    expect(within(root).getAllByText('your project').length).toBeGreaterThan(0);
    expect(JSON.parse(window.localStorage.getItem(PROJECT_KEY)!).appId).toBe(TEST_PROJECT.appId);

    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const envelope = JSON.parse(String(fetchMock.mock.calls[0][1]?.body));
    expect(envelope.path.projectId).toBe(TEST_PROJECT.appId);
    expect(envelope.headers.Authorization).toBe(basic(TEST_PROJECT));
  });

  it('Start over asks first, then moves every App ID field and the credentials to the new project and says so', async () => {
    render(
      <>
        <AgoraApiTester endpoint="create-channel" />
        <AgoraApiTester endpoint="start-recording" />
      </>,
    );
    const root = tester();
    const recording = screen.getByRole('region', { name: /Start recording/ });
    // Two testers, one with start's long form: slow to render in jsdom.
    await waitFor(() => expect(within(recording).getByLabelText('appid')).toHaveValue(TEST_PROJECT.appId), { timeout: 5000 });
    const startOver = within(root).getByRole('button', { name: 'Start over' });
    await userEvent.click(startOver);
    // The question loads on the first click.
    const question = await within(root).findByRole('alertdialog', { name: 'Start over with a new sandbox project?' });
    await waitFor(() => expect(within(question).getByRole('button', { name: 'Start over' })).toHaveFocus());
    await userEvent.click(within(question).getByRole('button', { name: 'Start over' }));
    await waitFor(() => expect(within(root).getByLabelText('projectId')).toHaveValue(TEST_PROJECT_2.appId), { timeout: 5000 });
    expect(within(recording).getByLabelText('appid')).toHaveValue(TEST_PROJECT_2.appId);
    await waitFor(() => expect(within(root).getByText(/^Started over: your new sandbox project’s App ID is b2b2/)).toBeInTheDocument());
    expect(within(root).getByText(/^Started over/)).toHaveAttribute('role', 'status');
    expect(startOver).toHaveFocus();
    expect(within(root).queryByRole('alertdialog')).toBeNull();

    fetchMock.mockResolvedValue(relayAnswer({ body: { code: 200 } }));
    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body)).headers.Authorization).toBe(basic(TEST_PROJECT_2));
  }, 30_000);

  it('Start over forgets the old project\'s chained ids and this page\'s history rows of it, keeping Live ones', async () => {
    const { pageChainValues } = await import('./stores/chainValues');
    const { pageHistory } = await import('./stores/pageHistory');
    const { historyEntry } = await import('./history');
    const op = getOperation('create-channel');
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    await waitFor(() => expect(within(root).getByLabelText('projectId')).toHaveValue(TEST_PROJECT.appId));
    const history = pageHistory(window.location.pathname);
    const entry = (appId: string, environment: 'sandbox' | 'live') =>
      historyEntry(defaultRequest(op, { pathParams: { projectId: appId } }), op, { environment, status: 200, text: '200 OK', at: 1 });
    history.record(entry(TEST_PROJECT.appId, 'sandbox'));
    history.record(entry(TEST_PROJECT.appId, 'live'));
    pageChainValues.set({ 'sandbox:start-recording:sid': 'old-sid', 'live:start-recording:sid': 'live-sid' });
    await userEvent.click(within(root).getByRole('button', { name: 'Start over' }));
    await userEvent.click(within(await within(root).findByRole('alertdialog')).getByRole('button', { name: 'Start over' }));
    await waitFor(() => expect(within(root).getByLabelText('projectId')).toHaveValue(TEST_PROJECT_2.appId));
    expect(history.get().map((row) => row.environment)).toEqual(['live']);
    expect(pageChainValues.get()).toEqual({ 'live:start-recording:sid': 'live-sid' });
  });

  it('Reset project asks first and keeps the App ID; Cancel hands focus back', async () => {
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    const reset = await within(root).findByRole('button', { name: 'Reset project' });
    await userEvent.click(reset);
    await userEvent.click(await within(root).findByRole('button', { name: 'Cancel' }));
    expect(reset).toHaveFocus();
    await userEvent.click(reset);
    await userEvent.click(within(await within(root).findByRole('alertdialog', { name: 'Reset your sandbox project?' })).getByRole('button', { name: 'Reset project' }));
    expect(await within(root).findByText(/^Your sandbox project was reset/)).toHaveAttribute('role', 'status');
    expect(within(root).getByLabelText('projectId')).toHaveValue(TEST_PROJECT.appId);
  });

  it('a share link made with another project acts on this browser\'s, and says so once', async () => {
    const op = getOperation('create-channel');
    const theirs = 'f0'.repeat(16);
    const link = encodeShare(defaultRequest(op, { pathParams: { projectId: theirs }, body: { channel: 'fromthem', uid: '1' } }), op);
    window.history.replaceState(null, '', `/#${link}`);
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    await waitFor(() => expect(within(root).getByLabelText('projectId')).toHaveValue(TEST_PROJECT.appId));
    expect(within(root).getByLabelText('channel', { exact: true })).toHaveValue('fromthem');
    expect(within(root).getAllByText(/^This link was made with another sandbox project \(App ID f0f0…f0f0\); it now uses yours \(a1a1…a1a1\)/)).toHaveLength(1);
  });

  it('falls back to the shared demo project with a note when none can be had, and Send still works', async () => {
    resetPageSandboxProject();
    pageSandboxProject({ fetch: async () => new Response(JSON.stringify({ error: { code: 'too_many_projects' } }), { status: 429, headers: { 'Retry-After': '120' } }) });
    fetchMock.mockResolvedValue(relayAnswer({ body: { code: 200 } }));
    render(<AgoraApiTester endpoint="create-channel" />);
    const root = tester();
    expect(await within(root).findByText(/try again in 2 min\)\. This page uses the shared demo project instead/)).toBeInTheDocument();
    expect(within(root).getByLabelText('projectId')).toHaveValue(DEMO.appId);
    expect(within(root).getByRole('button', { name: 'Get your own project' })).toBeInTheDocument();
    await userEvent.click(within(root).getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body)).headers.Authorization).toBe(basic({ customerId: DEMO.customerId, customerSecret: DEMO.customerSecret }));
  });
});
