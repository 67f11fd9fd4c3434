import { compile } from '@mdx-js/mdx';
import catalogFamilies from './remark';

/** The compiled JavaScript of an MDX page, through the same MDX compiler Docusaurus uses. */
async function compiled(value: string, path = 'docs/page.mdx'): Promise<string> {
  return String(await compile({ path, value }, { remarkPlugins: [catalogFamilies] }));
}

const importsOf = (js: string) => js.match(/^import "@site\/src\/catalog\/gen\/[^"]+";$/gm) ?? [];

describe('catalog-families remark plugin', () => {
  it('imports the families of the testers and references on the page', async () => {
    const js = await compiled(
      [
        "import AgoraApiTester from '@site/src/components/AgoraApiTester';",
        '',
        '# Guide',
        '',
        '<AgoraApiTester endpoint="create-channel" />',
        '',
        'Then <OperationReference id="acquire" /> inline.',
        '',
        '<AgoraApiTester endpoint="stop-recording" />',
      ].join('\n'),
    );
    expect(importsOf(js)).toEqual(['import "@site/src/catalog/gen/guide";', 'import "@site/src/catalog/gen/cloud-recording";']);
    // Still a working module: the page's own import is kept.
    expect(js).toContain("import AgoraApiTester from '@site/src/components/AgoraApiTester';");
  });

  it('imports every family for a page that lists every operation', async () => {
    expect(importsOf(await compiled('<SandboxStatusTable />\n\n<AgoraApiTester endpoint="acquire" />'))).toEqual(['import "@site/src/catalog/gen/every";']);
  });

  it('leaves a page without catalog elements alone', async () => {
    expect(importsOf(await compiled('# Best practices\n\n<Tabs><TabItem value="a">A</TabItem></Tabs>'))).toEqual([]);
  });

  it('fails the build on an unknown endpoint, naming the file, the place and the id', async () => {
    await expect(compiled('# Oops\n\n<AgoraApiTester endpoint="start-recordng" />', 'docs/oops.mdx')).rejects.toThrow(
      'docs/oops.mdx: <AgoraApiTester endpoint="start-recordng"> (3:1) names no catalog operation',
    );
  });
});
