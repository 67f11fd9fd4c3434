/** The repository's two ways to change a project: one that creates it, one for time passing that must not. */
import { defaultFamilies } from './index';
import { ProjectRepository } from './state';
import { testStore } from './store/testing';

const slices = defaultFamilies.flatMap((family) => family.slices ?? []);
const APP = 'ab'.repeat(16);

describe('ProjectRepository', () => {
  it('updateIfPresent leaves a missing project missing, and changes one that exists', async () => {
    const repository = new ProjectRepository(testStore(), slices);
    expect(await repository.updateIfPresent(APP, 1000, (project) => project.appId)).toBeUndefined();
    expect(await repository.peek(APP)).toBeNull();
    // advance, which timers and open Events streams call, does not bring it into being either.
    expect(await repository.advance(APP, 2000)).toBeNull();
    expect(await repository.peek(APP)).toBeNull();

    await repository.update(APP, 3000, () => undefined);
    expect(await repository.updateIfPresent(APP, 4000, (project) => project.lastSeen)).toBe(4000);
  });
});
