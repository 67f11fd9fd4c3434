/**
 * Python `requests` wrapped in Agora's retry practice: back-off with jitter,
 * Retry-After, domain failover, and no blind repeat of unsafe methods.
 */
import type { PreparedRequest } from '../prepare';
import { pyString } from '../quote/python';
import type { RetryPlan } from '../retryPlan';
import { PY_PRINT, pyHeader, pyKwargs } from './pyParts';

const orNone = (url: string | null) => (url === null ? 'None' : pyString(url));
const seconds = (ms: number) => (ms / 1000).toString();

export function pythonProductionSnippet(p: PreparedRequest, plan: RetryPlan): string {
  const delays = plan.delaysMs.map(([min, max]) => `(${seconds(min)}, ${seconds(max)})`).join(', ');
  const statuses = plan.retryStatuses.join(', ');
  const repeatNote = plan.repeatable
    ? `${p.method} is safe to repeat here`
    : `${p.method}: repeated only when the request certainly never reached Agora, or on 429`;
  return [
    ...pyHeader(p, ['random', 'socket', 'time', 'from email.utils import parsedate_to_datetime'], [
      'from urllib3.exceptions import NewConnectionError  # installed with requests',
    ]),
    '',
    '',
    '# Retries with back-off and jitter on the statuses below and on network errors, honours',
    '# Retry-After, and fails over: same domain, then the alternate, then the adjacent domain.',
    `PRIMARY = ${pyString(plan.primary)}`,
    `ALTERNATE = ${orNone(plan.alternate)}  # ${plan.alternate ? 'the same host under the other domain family' : 'none for this host'}`,
    `ADJACENT = ${orNone(plan.adjacent)}  # ${plan.adjacent ? 'the neighbouring region' : 'none for this host'}`,
    `DELAYS = [${delays}]  # seconds before retry 1, 2, 3`,
    `RETRY_STATUSES = {${statuses}}`,
    `REPEATABLE = ${plan.repeatable ? 'True' : 'False'}  # ${repeatNote}`,
    '',
    '',
    '# "dns" and "connect" failures never reached a server.',
    'def failure_kind(error):',
    '    reason = getattr(error.args[0], "reason", None) if error.args else None',
    '    if isinstance(reason, NewConnectionError):',
    '        return "dns" if isinstance(reason.__context__, socket.gaierror) else "connect"',
    '    return "unknown"',
    '',
    '',
    'def retry_after(response):',
    '    value = response.headers.get("Retry-After", "")',
    '    if value.isdigit():',
    '        return float(value)',
    '    try:',
    '        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())',
    '    except (TypeError, ValueError):',
    '        return 0.0',
    '',
    '',
    'def host_for(retry, skip_alternate):',
    '    # A network failure other than DNS skips the alternate domain and goes to the adjacent one.',
    '    if retry < 2:',
    '        return PRIMARY',
    '    if retry == 2 and not (skip_alternate and ADJACENT):',
    '        return ALTERNATE or PRIMARY',
    '    return ADJACENT or ALTERNATE or PRIMARY',
    '',
    '',
    'def call_agora(method, path_and_query, **kwargs):',
    '    skip_alternate = False',
    '    for retry in range(len(DELAYS) + 1):',
    '        wait = 0.0',
    '        try:',
    '            response = requests.request(method, host_for(retry, skip_alternate) + path_and_query, timeout=15, **kwargs)',
    '        except (requests.ConnectionError, requests.Timeout) as error:',
    '            kind = failure_kind(error)',
    '            if retry == len(DELAYS) or not (REPEATABLE or kind != "unknown"):',
    '                raise',
    '            skip_alternate = kind != "dns"',
    '        else:',
    '            status = response.status_code',
    '            retryable = status in RETRY_STATUSES and (REPEATABLE or status == 429)',
    '            if not retryable or retry == len(DELAYS):',
    '                return response',
    '            wait = retry_after(response)',
    '            skip_alternate = False',
    '        low, high = DELAYS[retry]',
    '        time.sleep(max(wait, random.uniform(low, high)))',
    '',
    '',
    'response = call_agora(',
    `    ${pyString(p.method)},`,
    `    ${pyString(p.pathAndQuery)},`,
    ...pyKwargs(p, '    ', '  # one id for every attempt, so Agora support can trace the call'),
    ')',
    ...PY_PRINT,
    '',
  ].join('\n');
}
