import { clampTimeout, regionProblem, TASK_REGIONS } from './regionalTasks';

describe('regional task rules (Media Pull and Media Push)', () => {
  it('accepts the four lowercase regions and says how to fix the rest', () => {
    for (const region of TASK_REGIONS) expect(regionProblem(region)).toBeNull();
    expect(regionProblem('NA')).toBe('must be lowercase: use "na" (got "NA").');
    expect(regionProblem('us')).toBe('must be one of cn, ap, na, eu (got "us").');
  });

  it('brings a timeout into its bounds and uses the default when none is given', () => {
    const bounds = { min: 5, max: 86_400 };
    expect(clampTimeout(undefined, 300, bounds)).toBe(300);
    expect(clampTimeout(1, 300, bounds)).toBe(5);
    expect(clampTimeout(100_000, 300, bounds)).toBe(86_400);
    expect(clampTimeout(120, 300, bounds)).toBe(120);
  });

});
