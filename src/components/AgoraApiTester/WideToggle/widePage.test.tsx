// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WIDE_PAGE_ATTRIBUTE, useWidePage } from './widePage';

const marked = () => document.documentElement.getAttribute(WIDE_PAGE_ATTRIBUTE);

describe('useWidePage', () => {
  it('marks the page while at least one live tester is wide, and only then', () => {
    const first = renderHook(({ wide }) => useWidePage(wide), { initialProps: { wide: false } });
    expect(marked()).toBeNull();
    first.rerender({ wide: true });
    expect(marked()).toBe('true');
    const second = renderHook(() => useWidePage(true));
    // One of two wide testers leaves (a client-side navigation, or it goes narrow): the page stays wide.
    first.unmount();
    expect(marked()).toBe('true');
    second.unmount();
    expect(marked()).toBeNull();
  });
});
