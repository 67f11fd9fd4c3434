import { isAsyncVendorStyle } from './index';

describe('isAsyncVendorStyle', () => {
  it("takes Monaco's extracted CSS and nothing else", () => {
    expect(isAsyncVendorStyle('/site/node_modules/monaco-editor/esm/vs/base/browser/ui/actionbar/actionbar.css', 'css/mini-extract')).toBe(true);
    expect(isAsyncVendorStyle('C:\\site\\node_modules\\monaco-editor\\esm\\vs\\editor\\editor.css', 'css/mini-extract')).toBe(true);
    // Monaco's JavaScript stays with its chunk as it is; only the stylesheet group is changed.
    expect(isAsyncVendorStyle('/site/node_modules/monaco-editor/esm/vs/editor/editor.api.js', 'javascript/auto')).toBe(false);
    // The site's own CSS and other packages' CSS stay in the one site-wide stylesheet.
    expect(isAsyncVendorStyle('/site/src/components/AgoraApiTester/styles.module.css', 'css/mini-extract')).toBe(false);
    expect(isAsyncVendorStyle('/site/node_modules/infima/dist/css/default/default.css', 'css/mini-extract')).toBe(false);
    expect(isAsyncVendorStyle(undefined, 'css/mini-extract')).toBe(false);
  });
});
