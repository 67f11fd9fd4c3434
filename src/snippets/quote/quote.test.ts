/** Each quoting helper, checked by the real interpreter: bash, JavaScript and Python read back the exact value. */
import { execFileSync } from 'node:child_process';
import { jsString, jsValue } from './js';
import { pyString, pyValue } from './python';
import { shellQuote } from './shell';

const VALUES = [
  '',
  'plain',
  `it's`,
  `"double" and 'single'`,
  '$HOME ${PATH} $(id) `id` !! !$ \\ \\n',
  'line 1\nline 2\r\nline 3\ttab',
  'ünïcødé 日本語 🎉',
  '\u2028\u2029\u00ad\u200b\ufeff\u007f\u0085',
  "'''",
  '%41 & a=b #frag ?q',
];

describe('shellQuote', () => {
  it('bash reads every value back unchanged', () => {
    const script = VALUES.map((v) => `printf '%s\\0' ${shellQuote(v)}`).join('\n');
    const out = execFileSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(out.split('\0').slice(0, -1)).toEqual(VALUES);
  });
});

describe('jsString / jsValue', () => {
  it('JavaScript evaluates every string back unchanged', () => {
    for (const v of VALUES) expect(new Function(`return ${jsString(v)};`)()).toBe(v);
  });

  it('keeps __proto__ as an own property and numbers exact', () => {
    const value = JSON.parse('{"__proto__":{"x":1},"n":[1,2.5,-0.001,1e21],"b":[true,false,null],"e":{},"a":[]}');
    const back = new Function(`return ${jsValue(value)};`)();
    expect(JSON.stringify(back)).toBe(JSON.stringify(value));
  });

  it('writes no invisible characters into the code', () => {
    expect(jsString('\u2028\u00ad')).toBe('"\\u2028\\u00ad"');
  });
});

describe('pyString / pyValue', () => {
  it('Python evaluates every value back unchanged', () => {
    const value = { strings: VALUES, n: [1, 2.5, -0.001, 1e21], b: [true, false, null], e: {}, a: [] };
    const program = `import json, sys\nsys.stdout.write(json.dumps(${pyValue(value)}, ensure_ascii=True))`;
    const out = execFileSync(process.env.PYTHON ?? 'python3', ['-c', program], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(value);
    expect(pyString('\u2028')).toBe('"\\u2028"');
  });
});
