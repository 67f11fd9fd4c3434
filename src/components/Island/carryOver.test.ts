// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { carryEdits, carryFocus, holdsBack, markDetails, pressAgain, pressedControl, shellCopy } from './carryOver';

const FORM = `
  <input name="a" value="one">
  <input type="checkbox">
  <select><option>x</option><option>y</option></select>
  <textarea>text</textarea>
  <details><summary>More</summary></details>
  <button type="button">First</button><button type="button">Send</button>`;

function twin(): { shell: Node[]; live: Node[] } {
  const shell = document.createElement('div');
  const live = document.createElement('div');
  shell.innerHTML = FORM;
  live.innerHTML = FORM;
  document.body.append(shell, live);
  return { shell: [shell], live: [live] };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('carryEdits', () => {
  it('copies what the reader changed, and only that, firing the events React listens to', () => {
    const { shell, live } = twin();
    const [from, to] = [shell[0] as HTMLElement, live[0] as HTMLElement];
    markDetails(shell);
    from.querySelector('input')!.value = 'typed';
    (from.querySelector('input[type=checkbox]') as HTMLInputElement).checked = true;
    from.querySelector('select')!.selectedIndex = 1;
    from.querySelector('details')!.open = true;
    const inputs = vi.fn();
    to.addEventListener('input', inputs);
    expect(carryEdits(shell, live)).toBe(3);
    expect(to.querySelector('input')!.value).toBe('typed');
    expect((to.querySelector('input[type=checkbox]') as HTMLInputElement).checked).toBe(true);
    expect(to.querySelector('select')!.selectedIndex).toBe(1);
    expect(to.querySelector('textarea')!.value).toBe('text');
    expect(to.querySelector('details')!.open).toBe(true);
    expect(inputs).toHaveBeenCalled();
  });

  it("keeps the served state of a copied shell: a <details> the reader opened in the outer shell still counts as opened", () => {
    const outer = document.createElement('div');
    outer.innerHTML = FORM;
    document.body.append(outer);
    markDetails([outer]);
    outer.querySelector('details')!.open = true;
    // The inner island's shell is a copy of that HTML, taken after the reader opened it.
    const copy = document.createElement('div');
    copy.innerHTML = outer.innerHTML;
    const live = document.createElement('div');
    live.innerHTML = FORM;
    document.body.append(copy, live);
    markDetails([copy]);
    carryEdits([copy], [live]);
    expect(live.querySelector('details')!.open).toBe(true);
  });

  it('leaves the live form alone when the shell was not edited (a restored draft wins)', () => {
    const { shell, live } = twin();
    const to = live[0] as HTMLElement;
    to.querySelector('input')!.value = 'from the saved draft';
    expect(carryEdits(shell, live)).toBe(0);
    expect(to.querySelector('input')!.value).toBe('from the saved draft');
  });

  it('pairs radios across a group name the server and the browser spell differently', () => {
    const shell = document.createElement('div');
    const live = document.createElement('div');
    shell.innerHTML = '<label><input type="radio" name="_R_1_" checked>Sandbox</label><label><input type="radio" name="_R_1_">Live</label>';
    live.innerHTML = '<label><input type="radio" name="_r_9_" checked>Sandbox</label><label><input type="radio" name="_r_9_">Live</label>';
    document.body.append(shell, live);
    (shell.querySelectorAll('input')[1] as HTMLInputElement).checked = true;
    carryEdits([shell], [live]);
    expect((live.querySelectorAll('input')[1] as HTMLInputElement).checked).toBe(true);
  });

  it('pairs controls labelled by <label for> across the ids the server and the browser make', () => {
    const shell = document.createElement('div');
    const live = document.createElement('div');
    shell.innerHTML = '<label for="_R_a_">cname</label><input id="_R_a_" value=""><label for="_R_b_">uid</label><input id="_R_b_" value="">';
    live.innerHTML = '<label for="_r_7_">uid</label><input id="_r_7_" value=""><label for="_r_8_">cname</label><input id="_r_8_" value="">';
    document.body.append(shell, live);
    shell.querySelectorAll('input')[1].value = '42';
    expect(carryEdits([shell], [live])).toBe(1);
    expect(live.querySelector<HTMLInputElement>('#_r_7_')!.value).toBe('42');
    expect(live.querySelector<HTMLInputElement>('#_r_8_')!.value).toBe('');
  });

  it('pairs by kind and label, not position: an extra live control does not shift the rest', () => {
    const shell = document.createElement('div');
    const live = document.createElement('div');
    shell.innerHTML = '<label>cname<input value=""></label><button>Send</button>';
    live.innerHTML = '<label>App ID<input value="abc"></label><label>cname<input value=""></label><button>Start over</button><button>Send</button>';
    shell.querySelector('input')!.value = 'typed';
    expect(carryEdits([shell], [live])).toBe(1);
    expect(live.querySelectorAll('input')[0].value).toBe('abc');
    expect(live.querySelectorAll('input')[1].value).toBe('typed');
    const clicked = vi.fn();
    live.querySelectorAll('button')[1].addEventListener('click', clicked);
    pressAgain([shell], [live], shell.querySelector('button')!);
    expect(clicked).toHaveBeenCalledTimes(1);
  });
});

describe('carryFocus, pressedControl, pressAgain', () => {
  it('moves the focus and caret to the counterpart', () => {
    const { shell, live } = twin();
    const field = (shell[0] as HTMLElement).querySelector('input')!;
    field.focus();
    field.setSelectionRange(1, 2);
    carryFocus(shell, live, document.activeElement);
    const target = (live[0] as HTMLElement).querySelector('input')!;
    expect(document.activeElement).toBe(target);
    expect([target.selectionStart, target.selectionEnd]).toEqual([1, 2]);
  });

  it('leaves the focus where it is when it was outside the shell', () => {
    const { shell, live } = twin();
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    carryFocus(shell, live, document.activeElement);
    expect(document.activeElement).toBe(outside);
  });

  it('presses the live counterpart of the button pressed on the shell', () => {
    const { shell, live } = twin();
    const send = Array.from((shell[0] as HTMLElement).querySelectorAll('button'))[1];
    const pressed = pressedControl(shell, send.firstChild);
    expect(pressed).toBe(send);
    const clicked = vi.fn();
    Array.from((live[0] as HTMLElement).querySelectorAll('button'))[1].addEventListener('click', clicked);
    pressAgain(shell, live, pressed!);
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(pressedControl(shell, document.body)).toBeNull();
  });
});

describe('shellCopy', () => {
  it("gives the copy's radios a group of their own and keeps everything else as served", () => {
    const outer = document.createElement('div');
    outer.innerHTML = `<section data-island="inner"><p>Reference <b>text</b></p>
      <label><input type="radio" name="r1-env" value="sandbox" checked> Sandbox</label>
      <label><input type="radio" name="r1-env" value="live"> Live</label>
      <input name="channel" value="demo"><details data-island-details="closed"><summary>More</summary></details></section>`;
    document.body.append(outer);
    const inner = outer.querySelector('[data-island="inner"]')!;
    const copy = document.createElement('div');
    copy.innerHTML = shellCopy(inner);
    document.body.append(copy);
    const radios = Array.from(copy.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    // Radios of one name in one document are one group: had the copy kept the name, the copy's checked radio
    // (now in the document) would have unchecked the original.
    expect(radios.map((radio) => radio.name)).toEqual(['shell-copy:r1-env', 'shell-copy:r1-env']);
    expect(radios.map((radio) => [radio.value, radio.defaultChecked])).toEqual([
      ['sandbox', true],
      ['live', false],
    ]);
    expect(copy.querySelector<HTMLInputElement>('input[name="channel"]')!.value).toBe('demo');
    expect(copy.querySelector('details')!.getAttribute('data-island-details')).toBe('closed');
    expect(copy.querySelector('p')!.outerHTML).toBe(inner.querySelector('p')!.outerHTML);
  });
});

describe('holdsBack', () => {
  const click = (init: MouseEventInit = {}) => new MouseEvent('click', { button: 0, ...init });
  it('holds back a plain click on a link to this site, and nothing else', () => {
    const box = document.createElement('div');
    box.innerHTML = `<a href="/docs/reference">Reference</a><a href="https://example.com/">Out</a><a href="/docs/x" target="_blank">New tab</a><a href="#endpoint">#</a><button>Send</button>`;
    document.body.append(box);
    const [inSite, outside, newTab, samePage] = Array.from(box.querySelectorAll('a'));
    expect(holdsBack(samePage, click())).toBe(false);
    expect(holdsBack(inSite, click())).toBe(true);
    expect(holdsBack(inSite, click({ ctrlKey: true }))).toBe(false);
    expect(holdsBack(inSite, click({ metaKey: true }))).toBe(false);
    expect(holdsBack(inSite, click({ button: 1 }))).toBe(false);
    expect(holdsBack(outside, click())).toBe(false);
    expect(holdsBack(newTab, click())).toBe(false);
    expect(holdsBack(box.querySelector('button'), click())).toBe(false);
    expect(pressedControl([box], inSite.firstChild)).toBe(inSite);
  });
});
