import { MAX_JSON_DEPTH, numberSurvives, scanJson } from './jsonScan';

describe('numberSurvives', () => {
  it.each(['0', '-0', '1', '-1', '1.5', '1.50', '0.1', '1e21', '1E+21', '-2.5e-3', '9007199254740991', '123456789.125', '5e-324'])('%s is forwarded as written', (token) => {
    expect(numberSurvives(token)).toBe(true);
  });

  it.each(['1e400', '-1e400', '1180591620717411303424', '9007199254740993', '0.1000000000000000055511151231257827', '1e-400'])('%s is refused', (token) => {
    expect(numberSurvives(token)).toBe(false);
  });
});

describe('scanJson', () => {
  it('names the field where a problem is', () => {
    expect(scanJson('{"body":{"list":[1,{"n":1e400}]}}')).toEqual({ kind: 'number', path: 'body.list[1].n', token: '1e400' });
    expect(scanJson('{"a":"x\\"y","b":"\\ud800"}')).toEqual({ kind: 'surrogate', path: 'b' });
    expect(scanJson('{"a":1,"b":{"a":1},"a":2}')).toEqual({ kind: 'duplicate-key', path: 'a' });
  });

  it('accepts paired surrogates, escaped quotes and numbers inside strings', () => {
    expect(scanJson('{"emoji":"\\ud83d\\ude00","q":"say \\"1e400\\"","n":"1e400"}')).toBeNull();
  });

  it('stops at the depth limit without recursion, however deep the text goes', () => {
    const deep = '['.repeat(500_000) + ']'.repeat(500_000);
    expect(scanJson(deep)).toMatchObject({ kind: 'depth' });
    expect(scanJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeNull();
  });
});

describe('the scan checks numbers and strings in place', () => {
  it('accepts short integers and refuses long ones wherever they sit', () => {
    expect(scanJson('{"a":123456789012345,"b":-5,"c":[0,-0,7]}')).toBeNull();
    expect(scanJson('{"a":1,"b":12345678901234567890}')).toEqual({ kind: 'number', path: 'b', token: '12345678901234567890' });
    expect(scanJson('[1,2,-12345678901234567890]')).toEqual({ kind: 'number', path: '[2]', token: '-12345678901234567890' });
    expect(scanJson('{"a":1.5,"b":1e400}')).toEqual({ kind: 'number', path: 'b', token: '1e400' });
  });

  it('still sees duplicate keys among unescaped values, and lone surrogates in escaped ones', () => {
    expect(scanJson('{"k":"v","x":"k","k":"w"}')).toEqual({ kind: 'duplicate-key', path: 'k' });
    expect(scanJson('{"a":"same","b":"same"}')).toBeNull();
    expect(scanJson('{"a":"\\ud800"}')).toEqual({ kind: 'surrogate', path: 'a' });
    expect(scanJson('{"a":"\\"quoted\\"","a\\u0062":"\\ud83d\\ude00"}')).toBeNull();
  });
});
