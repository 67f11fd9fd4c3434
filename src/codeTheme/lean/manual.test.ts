// @vitest-environment jsdom
/**
 * In a page, prismjs's core highlights every `language-` code element on its
 * own unless told not to: the page's code blocks, served highlighted with the
 * site's two-mode colours, must stay as they are when the testers' Prism loads.
 */
const SERVED = '<span class="token-line"><span class="token function" style="color: red">echo</span> hi</span>';

it('loads without touching the page’s code and leaves no global Prism', async () => {
  document.body.innerHTML = `<pre class="prism-code language-bash"><code>${SERVED}</code></pre><code class="language-json">{"a": 1}</code>`;
  const before = document.body.innerHTML;
  const { highlightLines } = await import('./index');
  // prismjs's automatic pass runs on the next animation frame (or a 16 ms timer) after it loads.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(document.body.innerHTML).toBe(before);
  expect((window as { Prism?: unknown }).Prism).toBeUndefined();
  expect((globalThis as { Prism?: unknown }).Prism).toBeUndefined();
  expect(highlightLines('curl -s', 'bash')[0][0]).toEqual({ types: ['function'], content: 'curl' });
});
