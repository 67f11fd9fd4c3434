import { compile } from '@mdx-js/mdx';
import catalogFamilies from './remark';

/** The compiled JavaScript of an MDX page, through the same MDX compiler Docusaurus uses. */
async function compiled(value: string, path = 'docs/page.mdx'): Promise<string> {
  return String(await compile({ path, value }, { remarkPlugins: [catalogFamilies] }));
}

describe('catalog check remark plugin', () => {
  it('passes a page whose testers and references name catalog operations, importing no catalog data into it', async () => {
    const js = await compiled(
      [
        "import AgoraApiTester from '@site/src/components/AgoraApiTester';",
        '',
        '# Guide',
        '',
        '<AgoraApiTester endpoint="create-channel" />',
        '',
        'Then <OperationReference id="acquire" /> inline.',
      ].join('\n'),
    );
    expect(js).toContain("import AgoraApiTester from '@site/src/components/AgoraApiTester';");
    expect(js).not.toContain('src/catalog/gen');
  });

  it('fails the build on an unknown endpoint, naming the file, the place and the id', async () => {
    await expect(compiled('# Oops\n\n<AgoraApiTester endpoint="start-recordng" />', 'docs/oops.mdx')).rejects.toThrow(
      'docs/oops.mdx: <AgoraApiTester endpoint="start-recordng"> (3:1) names no catalog operation',
    );
  });
});
