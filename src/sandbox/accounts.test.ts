import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Accounts, sha256With } from './accounts';
import { MemoryStore } from './store/memory';

describe('sha256With', () => {
  const node = sha256With({ createHash: (algorithm) => createHash(algorithm) });
  const web = sha256With(undefined);

  it('gives the standard digest with Node hashing and with Web Crypto', async () => {
    // FIPS 180-2's example: SHA-256("abc").
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(await node('abc')).toBe(abc);
    expect(await web('abc')).toBe(abc);
  });

  it('hashes the same UTF-8 bytes either way, so stored hashes match whichever runtime wrote them', async () => {
    for (const text of ['', '0123456789abcdef0123456789abcdef.96518418f4eca22d44e4271f967eccec', 'ncs:é密码🙂', 'a'.repeat(10_000)]) {
      expect(await node(text)).toBe(await web(text));
    }
  });
});

describe('Accounts under Node', () => {
  afterEach(() => vi.restoreAllMocks());

  it('checks a project token with Node’s hashing, not Web Crypto’s', async () => {
    const accounts = new Accounts(new MemoryStore());
    const now = Date.now();
    const issued = await accounts.issue(now);
    const digest = vi.spyOn(crypto.subtle, 'digest');
    expect(await accounts.resolve(`Bearer ${issued.token}`, ['bearer'], now)).toMatchObject({ verdict: 'ok', appId: issued.appId });
    expect(await accounts.resolve(`Bearer ${issued.token}x`, ['bearer'], now)).toEqual({ verdict: 'invalid' });
    expect(digest).not.toHaveBeenCalled();
  });
});
