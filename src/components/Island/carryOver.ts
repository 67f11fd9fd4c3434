/**
 * What a reader did to an island's static shell before its code arrived,
 * carried over to the live component that replaces it (index.tsx): typed
 * values, ticked boxes and chosen options, opened <details>, the focus with
 * its caret, and the last button pressed (pressed again on the live one, so
 * a click on "Send" is not lost). Controls are paired in document order; the
 * live render is the same component as the shell, so the order matches, and
 * a pair whose kind differs ends the pairing rather than guess.
 */

const CONTROLS = 'input, textarea, select';
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

function within(roots: readonly Node[], selector: string): Element[] {
  const found: Element[] = [];
  for (const root of roots) {
    if (!(root instanceof Element)) continue;
    if (root.matches(selector)) found.push(root);
    found.push(...Array.from(root.querySelectorAll(selector)));
  }
  return found;
}

function kind(element: Element): string {
  return `${element.tagName}:${element.getAttribute('type') ?? ''}`;
}

/** Index of `target` among `list`, or -1. */
function indexIn(list: readonly Element[], target: Element | null): number {
  return target ? list.indexOf(target) : -1;
}

/** Sets a control's value the way typing does, so React's onChange sees it. */
function setValue(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype = control instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(control, value);
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

function setChecked(control: HTMLInputElement, checked: boolean): void {
  // A click toggles and fires the events React listens to for checkboxes and radios.
  if (control.checked !== checked) control.click();
}

function setSelected(control: HTMLSelectElement, index: number): void {
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'selectedIndex')?.set?.call(control, index);
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

function defaultSelectedIndex(select: HTMLSelectElement): number {
  const index = Array.from(select.options).findIndex((option) => option.defaultSelected);
  return index === -1 ? 0 : index;
}

/** Carries the reader's edits from the `shell` nodes to the `live` ones. Returns how many controls changed. */
export function carryEdits(shell: readonly Node[], live: readonly Node[]): number {
  const from = within(shell, CONTROLS);
  const to = within(live, CONTROLS);
  let changed = 0;
  for (let i = 0; i < from.length && i < to.length; i++) {
    const a = from[i];
    const b = to[i];
    if (kind(a) !== kind(b)) break;
    if (a instanceof HTMLSelectElement && b instanceof HTMLSelectElement) {
      if (a.selectedIndex !== defaultSelectedIndex(a) && a.selectedIndex !== b.selectedIndex) {
        setSelected(b, a.selectedIndex);
        changed++;
      }
    } else if (a instanceof HTMLInputElement && (a.type === 'checkbox' || a.type === 'radio')) {
      if (a.checked !== a.defaultChecked) {
        setChecked(b as HTMLInputElement, a.checked);
        changed++;
      }
    } else if (a instanceof HTMLInputElement || a instanceof HTMLTextAreaElement) {
      if (a.value !== a.defaultValue && a.value !== (b as HTMLInputElement).value) {
        setValue(b as HTMLInputElement | HTMLTextAreaElement, a.value);
        changed++;
      }
    }
  }
  const shellDetails = within(shell, 'details') as HTMLDetailsElement[];
  const liveDetails = within(live, 'details') as HTMLDetailsElement[];
  shellDetails.forEach((details, i) => {
    const counterpart = liveDetails[i];
    if (counterpart && details.open !== details.hasAttribute('data-island-open') && counterpart.open !== details.open) counterpart.open = details.open;
  });
  return changed;
}

/** Marks each <details> of the shell with its server-rendered state, so carryEdits can tell what the reader toggled. */
export function markDetails(shell: readonly Node[]): void {
  for (const details of within(shell, 'details') as HTMLDetailsElement[]) {
    if (details.open) details.setAttribute('data-island-open', '');
  }
}

/** Moves the focus (and the caret) from inside the shell to the live counterpart, if it was there. */
export function carryFocus(shell: readonly Node[], live: readonly Node[], active: Element | null): void {
  const index = indexIn(within(shell, FOCUSABLE), active);
  if (index === -1) return;
  const target = within(live, FOCUSABLE)[index];
  if (!(target instanceof HTMLElement)) return;
  target.focus({ preventScroll: true });
  if ((active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) {
    try {
      target.setSelectionRange(active.selectionStart, active.selectionEnd);
    } catch {
      // Inputs of some types (number, email) have no caret to set.
    }
  }
}

/** Index of the button a click landed on among the shell's buttons, or -1. */
export function pressedButton(shell: readonly Node[], target: EventTarget | null): number {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  const button = element?.closest('button') ?? null;
  return indexIn(within(shell, 'button'), button);
}

/** Presses the live counterpart of the shell's button number `index`. */
export function pressAgain(live: readonly Node[], index: number): void {
  const button = within(live, 'button')[index];
  if (button instanceof HTMLButtonElement && !button.disabled) button.click();
}
