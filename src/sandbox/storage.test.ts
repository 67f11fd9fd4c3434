import { fileNamePrefixProblem, s3CompatibleProblem } from './storage';

describe('third-party storage rules (shared by Cloud Recording and Real-Time STT)', () => {
  it('takes folder names of letters and digits, at most 128 characters with the slashes', () => {
    expect(fileNamePrefixProblem(['captions', 'demo2'], 'storage.fileNamePrefix')).toBeNull();
    expect(fileNamePrefixProblem(undefined, 'x')).toBeNull();
    expect(fileNamePrefixProblem(['ok', 'not_ok'], 'storage.fileNamePrefix')).toEqual({ field: 'storage.fileNamePrefix.1', reason: 'may hold letters and digits only.' });
    expect(fileNamePrefixProblem(Array.from({ length: 14 }, () => 'abcdefgh'), 'p')).toBeNull();
    expect(fileNamePrefixProblem(Array.from({ length: 15 }, () => 'abcdefgh'), 'p')?.field).toBe('p');
  });

  it('needs an endpoint for vendor 11 only', () => {
    expect(s3CompatibleProblem(1, undefined, 'e')).toBeNull();
    expect(s3CompatibleProblem(11, { endpoint: 'http://minio:9002' }, 'e')).toBeNull();
    expect(s3CompatibleProblem(11, {}, 'extensionParams.endpoint')).toEqual({ field: 'extensionParams.endpoint', reason: 'is required with vendor 11 (S3-compatible storage).' });
  });
});
