// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import React from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import { getOperation } from '../../catalog';
import { defaultRequest } from '../../request/build';
import { generateSnippet } from '../../snippets';
import { flattenFields } from './schemaText';
import OperationReference from './Section';
import ServersTable from './ServersTable';
import { allServers } from '../../catalog';

// `@theme/CodeBlock` is aliased to a plain <pre> by vitest.config.ts. The tester
// has its own tests; a stand-in keeps this test about the reference.
vi.mock('../AgoraApiTester', () => ({
  default: ({ endpoint, headingLevel }: { endpoint: string; headingLevel?: number }) => <div data-testid="tester" data-endpoint={endpoint} data-heading-level={headingLevel} />,
}));

afterEach(cleanup);

function rowsOf(caption: RegExp) {
  const table = screen.getByRole('table', { name: caption });
  return within(table).getAllByRole('row').slice(1); // skip the header row
}

describe('OperationReference', () => {
  it("is an operation page's body: its parts are h2 under the page's title, its tester's headings h3 below Try it", () => {
    render(<OperationReference id="start-recording" />);
    const headings = screen.getAllByRole('heading').map((heading) => `${heading.tagName} ${heading.textContent}`);
    expect(headings).toEqual([
      expect.stringMatching(/^H2 POST \/v1\/apps\/\{appid\}\/cloud_recording\/.+\/start/),
      'H2 Parameters',
      'H2 Request body',
      'H2 Example request',
      'H2 Example response (200)',
      'H2 Responses',
      'H2 Errors',
      'H2 Limits and retries',
      'H2 Try it',
    ]);
    expect(screen.getByTestId('tester')).toHaveAttribute('data-heading-level', '3');
  });

  it.each(['start-recording', 'list-cloud-players', 'get-user-status', 'create-channel'])(
    '%s: the parameters table rows are the catalog parameters',
    (id) => {
      const op = getOperation(id);
      render(<OperationReference id={id} />);
      const rows = rowsOf(/parameters/i);
      expect(rows.map((row) => row.getAttribute('data-param'))).toEqual(op.params.map((p) => p.name));
      rows.forEach((row, i) => {
        const param = op.params[i];
        const header = within(row).getByRole('rowheader').textContent;
        expect(header).toContain(param.name);
        expect(header).toContain(`· ${param.in} ·`);
        expect(header).toContain(param.required ? 'required' : 'optional');
        expect(within(row).getAllByRole('cell')[0].textContent).toBe(param.description);
      });
    },
  );

  it('shows method, path, constraints and enums from the catalog', () => {
    render(<OperationReference id="start-recording" />);
    expect(screen.getByText('POST')).toBeInTheDocument();
    expect(screen.getByText(getOperation('start-recording').path)).toBeInTheDocument();
    const mode = rowsOf(/parameters/i).find((row) => row.getAttribute('data-param') === 'mode')!;
    expect(mode.textContent).toContain('"individual", "mix", "web"');
  });

  it('flattens the body fields with dotted names and the exactly-one-of note', () => {
    render(<OperationReference id="create-cloud-player" />);
    const names = rowsOf(/^body fields/i).map((row) => row.getAttribute('data-field'));
    const schema = getOperation('create-cloud-player').requestBody!.schema;
    expect(names).toEqual(flattenFields(schema).map((f) => f.name));
    expect(names).toEqual(expect.arrayContaining(['player', 'player.streamUrl', 'player.uid', 'player.account', 'player.audioOptions.volume']));
    const volume = rowsOf(/^body fields/i).find((row) => row.getAttribute('data-field') === 'player.audioOptions.volume')!;
    expect(volume.textContent).toContain('0 to 200');
    expect(volume.textContent).toContain('default 100');
    expect(screen.getByText(/must be given, never both/).textContent).toContain('player.uid or player.account');
  });

  it('lists every troubleshooting row and the limits', () => {
    render(<OperationReference id="create-cloud-player" />);
    const statuses = rowsOf(/errors/i).map((row) => row.getAttribute('data-status'));
    expect(statuses).toEqual(['400', '401', '403', '404', '409', '429', '500', '502', '503', '504']);
    expect(screen.getByText(/Creating cloud players with names is limited to 2 queries per second/)).toBeInTheDocument();
    expect(screen.getByText(/safe to repeat only when player.name is set/)).toBeInTheDocument();
  });

  it('shows the example request (the tester\'s default request as a cURL snippet) and response, and embeds the tester', () => {
    render(<OperationReference id="acquire" />);
    const [request, response] = screen.getAllByTestId('code');
    expect(request.textContent).toBe(generateSnippet('curl', defaultRequest(getOperation('acquire')), { baseUrl: 'https://api.agora.io' }));
    expect(request.textContent).toContain("--url 'https://api.agora.io/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording/acquire'");
    expect(request.textContent).toContain('--user "${AGORA_CUSTOMER_ID:?');
    expect(request.textContent).toContain('"cname": "demo"');
    expect(JSON.parse(response.textContent ?? '')).toEqual(getOperation('acquire').responses[0].example);
    expect(screen.getByTestId('tester').getAttribute('data-endpoint')).toBe('acquire');
  });

  it('documents each status with its body fields, the success open and the errors folded', () => {
    const { container } = render(<OperationReference id="start-recording" />);
    const statuses = [...container.querySelectorAll('details[data-status]')].map((d) => [d.getAttribute('data-status'), (d as HTMLDetailsElement).open]);
    expect(statuses).toEqual(getOperation('start-recording').responses.map((r) => [String(r.status), r.status === 200]));
    const ok = rowsOf(/^Response 200 body fields$/);
    expect(ok.map((row) => row.getAttribute('data-field'))).toEqual(['cname', 'uid', 'resourceId', 'sid']);
    expect(ok[3].textContent).toContain("The recording's id.");
    // Cloud Recording's error bodies are all {code, reason}: the first (201) is tabulated, the others point at it.
    const bad = rowsOf(/^Response 201 body fields$/);
    expect(bad.map((row) => row.getAttribute('data-field'))).toEqual(['code', 'reason']);
    expect(container.querySelector('details[data-status="400"]')!.textContent).toContain('The body has the same fields as the 201 answer above.');
    expect(screen.queryByRole('table', { name: /^Response 400 body fields$/ })).toBeNull();
    expect(within(bad[0]).getByRole('rowheader').textContent).toBe('codeinteger · always present');
    expect(within(ok[0]).getByRole('rowheader').textContent).toBe('cnamestring');
    const unauthorized = rowsOf(/^Response 401 body fields$/)[0];
    expect(unauthorized.textContent).toContain('"Unauthorized", "Invalid authentication credentials"');
  });

  it('says so when a response body is an empty object', () => {
    render(<OperationReference id="update-cloud-player" />);
    expect(screen.getByText('The body is an empty JSON object.')).toBeInTheDocument();
  });

  it('lets long dotted names break after each dot', () => {
    const { container } = render(<OperationReference id="create-cloud-player" />);
    const name = container.querySelector('tr[data-field="player.audioOptions.volume"] code')!;
    expect(name.textContent).toBe('player.audioOptions.volume');
    expect(name.querySelectorAll('wbr')).toHaveLength(2);
  });

  it('flags guide examples, and only them', () => {
    render(<OperationReference id="get-channel" />);
    expect(screen.getByRole('note').textContent).toMatch(/published API reference does not list this call/);
    expect(screen.getByText(/Operation id/).textContent).toContain('Auth: Bearer token');
    cleanup();
    render(<OperationReference id="acquire" />);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('fails loudly for an unknown id (a page cannot reference a missing operation)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<OperationReference id="nope" />)).toThrow(/Unknown operation "nope"/);
  });
});

describe('ServersTable', () => {
  it('lists every catalog host with its alternate and adjacent host', () => {
    render(<ServersTable />);
    const rows = rowsOf(/hosts and failover/i);
    expect(rows.map((row) => row.getAttribute('data-host'))).toEqual(allServers().map((s) => s.host));
    const west = rows.find((row) => row.getAttribute('data-host') === 'api-us-west-1.agora.io')!;
    expect(west.textContent).toContain('api-us-west-1.sd-rtn.com');
    expect(west.textContent).toContain('api-us-east-1.agora.io');
  });
});
