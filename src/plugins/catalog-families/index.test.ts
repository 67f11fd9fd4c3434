import { familyOfDataModule } from './index';

describe('familyOfDataModule', () => {
  it('names the family of a generated family data file, not the manifest or other modules', () => {
    expect(familyOfDataModule('/site/src/catalog/gen/media-pull.json')).toBe('media-pull');
    expect(familyOfDataModule('C:\\site\\src\\catalog\\gen\\guide.json')).toBe('guide');
    expect(familyOfDataModule('/site/src/catalog/gen/manifest.json')).toBeUndefined();
    expect(familyOfDataModule('/site/src/catalog/gen/guide.ts')).toBeUndefined();
    expect(familyOfDataModule('/site/src/catalog/openapi.gen.json')).toBeUndefined();
    expect(familyOfDataModule(undefined)).toBeUndefined();
  });
});
