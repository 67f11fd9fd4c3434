/**
 * Each family against Agora's published OpenAPI files: for every registered
 * family with an `agora.facts.json` (written by scripts/agora-facts.ts), every
 * difference must be fixed or listed as intended in its `conformance.yaml`.
 * A family whose record says `status: pending` is counted, not enforced, so
 * the log says honestly how far each family is from Agora's description.
 */
import { existsSync, readFileSync } from 'node:fs';
import { listOperations } from '../catalog';
import { compareFamily, judgeConformance, type Difference, type FactsFile } from '../catalog/conformance';
import { conformanceFileOf, familyFile as fileOf, readConformanceRecord } from './conformanceFile';
import { families } from './index';

/** The facts file, checked for the shape the comparison relies on. */
function readFacts(family: string): FactsFile {
  const file = fileOf(family, 'agora.facts.json');
  const facts = JSON.parse(readFileSync(file, 'utf8')) as Partial<FactsFile>;
  if (!Array.isArray(facts.sources) || !Array.isArray(facts.operations)) {
    throw new Error(`${file}: expected { sources, operations }; regenerate it with scripts/agora-facts.ts.`);
  }
  return facts as FactsFile;
}

/** One line per difference, for a failure message a person can act on. */
const listing = (differences: readonly Difference[]): string =>
  differences.map((d) => `  ${d.key}\n    Agora: ${JSON.stringify(d.agora)}  ours: ${JSON.stringify(d.ours)}`).join('\n');

const withFacts = families.map((family) => family.id).filter((id) => existsSync(fileOf(id, 'agora.facts.json')));

describe('conformance to Agora’s published OpenAPI files', () => {
  it('has facts only for families of real Agora calls (the guide’s calls are not Agora APIs)', () => {
    expect(withFacts.length).toBeGreaterThan(0);
    for (const family of withFacts) {
      expect(listOperations().some((op) => op.family === family && !op.guideExample), family).toBe(true);
    }
  });

  describe.each(withFacts)('%s', (family) => {
    const facts = readFacts(family);
    const recordFile = conformanceFileOf(family);

    it('names the files and commits its facts were read from', () => {
      expect(facts.sources.length).toBeGreaterThan(0);
      for (const source of facts.sources) {
        expect(source.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
        expect(source.path).toMatch(/\.ya?ml$/);
        expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
      }
      expect(facts.operations.length).toBeGreaterThan(0);
    });

    it('fixes or lists every difference, and lists none that no longer occurs', () => {
      expect(existsSync(recordFile), `${recordFile} is missing: create it with "status: pending" (or "enforced") and "deviations: []".`).toBe(true);
      const record = readConformanceRecord(family)!;
      const differences = compareFamily(facts, listOperations().filter((op) => op.family === family));
      const verdict = judgeConformance(differences, record);
      console.log(`conformance: ${family} ${differences.length} differences (${verdict.intended.length} intended, ${record.status})`);
      // Stale entries fail even while pending: the list must only say what is true.
      expect(verdict.stale, `${recordFile} lists deviations that no longer occur; remove them:\n  ${verdict.stale.join('\n  ')}`).toEqual([]);
      if (record.status === 'enforced') {
        expect(
          verdict.unlisted.map((d) => d.key),
          `${family} differs from Agora's published OpenAPI; fix the catalog or list each key in ${recordFile} with a reason:\n${listing(verdict.unlisted)}`,
        ).toEqual([]);
      }
    });
  });
});
