/**
 * What a reader did to an island's static shell before its code arrived,
 * carried over to the live component that replaces it (index.tsx): typed
 * values, ticked boxes and chosen options, opened <details>, the focus with
 * its caret, and the last button pressed (pressed again on the live one, so
 * a click on "Send" is not lost).
 *
 * Elements are paired by what they are to the reader, not by position: the
 * live render may hold more or fewer controls than the server's (the tester
 * shows this browser's sandbox project, a restored draft), so the n-th shell
 * element with a given kind and label pairs with the n-th live one with
 * the same; an element with no counterpart is left alone rather than guessed.
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

const text = (element: Element | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The text of each `<label for>` in the document, by the id it names (the first such label wins, as `labels[0]` would). */
function labelsFor(document: Document): Map<string, string> {
  const byId = new Map<string, string>();
  for (const label of Array.from(document.querySelectorAll<HTMLLabelElement>('label[for]'))) {
    if (!byId.has(label.htmlFor)) byId.set(label.htmlFor, text(label));
  }
  return byId;
}

/**
 * An element's label text: the label around it, else a `<label for>` naming it. Not `element.labels`: Chromium
 * answers that by searching the whole document each time, and an island going live pairs every control of a
 * reference section (hundreds of them) against a page of ten thousand elements.
 */
function labelText(element: Element, forLabels: () => Map<string, string>): string {
  const around = element.closest('label');
  if (around) return text(around);
  return element.id ? (forLabels().get(element.id) ?? '') : '';
}

/** What an element is to the reader: its kind and its label or own text. */
export function pairingKey(element: Element, forLabels: () => Map<string, string> = () => labelsFor(element.ownerDocument)): string {
  const own = ['BUTTON', 'SUMMARY', 'A'].includes(element.tagName) ? text(element) : '';
  const summary = element.tagName === 'DETAILS' ? text(element.querySelector('summary')) : '';
  const labelled = ['INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName) ? labelText(element, forLabels) : '';
  // No `name` or `id`: React's useId makes them, and the server's differ from the browser's (a radio group's name).
  return [element.tagName, element.getAttribute('type'), element.getAttribute('aria-label'), labelled, own, summary].join('|');
}

/** Each element of `from` with its counterpart in `to` (same key, same occurrence), where there is one. */
export function pairUp(from: readonly Element[], to: readonly Element[]): Array<[Element, Element]> {
  const any = from[0] ?? to[0];
  if (!any || from.length === 0 || to.length === 0) return [];
  let index: Map<string, string> | undefined;
  const forLabels = () => (index ??= labelsFor(any.ownerDocument));
  const byKey = new Map<string, Element[]>();
  for (const element of to) {
    const key = pairingKey(element, forLabels);
    const same = byKey.get(key);
    if (same) same.push(element);
    else byKey.set(key, [element]);
  }
  const seen = new Map<string, number>();
  const pairs: Array<[Element, Element]> = [];
  for (const element of from) {
    const key = pairingKey(element, forLabels);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const counterpart = byKey.get(key)?.[n];
    if (counterpart) pairs.push([element, counterpart]);
  }
  return pairs;
}

/** Sets a control's value the way typing does, so React's onChange sees it. */
function setValue(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype = control instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(control, value);
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

function setSelected(control: HTMLSelectElement, index: number): void {
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'selectedIndex')?.set?.call(control, index);
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

function defaultSelectedIndex(select: HTMLSelectElement): number {
  const index = Array.from(select.options).findIndex((option) => option.defaultSelected);
  return index === -1 ? 0 : index;
}

/** True when the reader changed this shell control (its state differs from the served one). */
function edited(control: Element): boolean {
  if (control instanceof HTMLSelectElement) return control.selectedIndex !== defaultSelectedIndex(control);
  if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) return control.checked !== control.defaultChecked;
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) return control.value !== control.defaultValue;
  return false;
}

/** True when the reader opened or closed this shell <details> (see markDetails). */
function toggled(details: HTMLDetailsElement): boolean {
  const served = details.getAttribute(SERVED_STATE);
  return served !== null && details.open !== (served === 'open');
}

/** Carries the reader's edits from the `shell` nodes to the `live` ones. Returns how many controls changed. */
export function carryEdits(shell: readonly Node[], live: readonly Node[]): number {
  let changed = 0;
  // Pairing reads every control's label; most islands go live untouched, so it runs only when there is something to carry.
  const controls = within(shell, CONTROLS);
  if (controls.some(edited)) {
    for (const [a, b] of pairUp(controls, within(live, CONTROLS))) {
      if (!edited(a)) continue;
      if (a instanceof HTMLSelectElement && b instanceof HTMLSelectElement) {
        if (a.selectedIndex !== b.selectedIndex) {
          setSelected(b, a.selectedIndex);
          changed++;
        }
      } else if (a instanceof HTMLInputElement && (a.type === 'checkbox' || a.type === 'radio')) {
        // A click toggles and fires the events React listens to for boxes.
        if (b instanceof HTMLInputElement && b.checked !== a.checked) {
          b.click();
          changed++;
        }
      } else if ((a instanceof HTMLInputElement || a instanceof HTMLTextAreaElement) && (b instanceof HTMLInputElement || b instanceof HTMLTextAreaElement)) {
        if (a.value !== b.value) {
          setValue(b, a.value);
          changed++;
        }
      }
    }
  }
  const details = within(shell, 'details') as HTMLDetailsElement[];
  if (details.some(toggled)) {
    for (const [a, b] of pairUp(details, within(live, 'details'))) {
      const counterpart = b as HTMLDetailsElement;
      if (toggled(a as HTMLDetailsElement) && counterpart.open !== (a as HTMLDetailsElement).open) counterpart.open = (a as HTMLDetailsElement).open;
    }
  }
  return changed;
}

/** The attribute holding a <details>' server-rendered state (`open` or `closed`). */
const SERVED_STATE = 'data-island-details';

/**
 * Marks each <details> of the shell with its server-rendered state, so carryEdits can tell what the reader
 * toggled. A mark already there stays: an inner island's shell is a copy of its outer island's shell, made
 * after the reader may have opened something in it, and the copy keeps the outer's mark of the served state.
 */
export function markDetails(shell: readonly Node[]): void {
  for (const details of within(shell, 'details') as HTMLDetailsElement[]) {
    if (!details.hasAttribute(SERVED_STATE)) details.setAttribute(SERVED_STATE, details.open ? 'open' : 'closed');
  }
}

/**
 * The HTML of an inner island's shell, copied out of its outer island's shell for the inner island to keep
 * (index.tsx). Its radios get a name of their own: copy and original are in the document together until the
 * outer shell goes, and radios sharing a name form one group across the document, so the copy's checked radio
 * would uncheck the original's; carryEdits would then take that for the reader's choice and click it into
 * the copy, which wakes the inner island (a reference section would load its tester at once).
 */
export function shellCopy(element: Element): string {
  const template = element.ownerDocument.createElement('template');
  template.innerHTML = element.innerHTML;
  for (const radio of Array.from(template.content.querySelectorAll<HTMLInputElement>('input[type="radio"][name]'))) radio.name = `shell-copy:${radio.name}`;
  return template.innerHTML;
}

/** The live counterpart of `element` (an element of the shell), or undefined. */
function counterpartOf(shell: readonly Node[], live: readonly Node[], selector: string, element: Element | null): Element | undefined {
  if (!element) return undefined;
  return pairUp(within(shell, selector), within(live, selector)).find(([a]) => a === element)?.[1];
}

/** Moves the focus (and the caret) from inside the shell to the live counterpart, if it was there. */
export function carryFocus(shell: readonly Node[], live: readonly Node[], active: Element | null): void {
  const target = counterpartOf(shell, live, FOCUSABLE, active);
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

/** What a press on the shell can land on, to be pressed again on the live component: a button or a link. */
const PRESSABLE = 'button, a[href]';

/** What a pointer can start pressing on the shell: a pressable control, or a <details> summary it would toggle. */
const CLICKABLE = `${PRESSABLE}, summary`;

function controlAt(shell: readonly Node[], target: EventTarget | null, selector: string): HTMLElement | null {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  const control = element?.closest<HTMLElement>(selector) ?? null;
  return control && within(shell, selector).includes(control) ? control : null;
}

/** The shell's button or link a click landed on, or null. */
export function pressedControl(shell: readonly Node[], target: EventTarget | null): HTMLElement | null {
  return controlAt(shell, target, PRESSABLE);
}

/** The shell's button, link or summary a pointer went down on, or null. */
export function pointedControl(shell: readonly Node[], target: EventTarget | null): HTMLElement | null {
  return controlAt(shell, target, CLICKABLE);
}

/**
 * Completes a press the pointer began on the shell and the live component replaced mid-press: the browser
 * clicks only when the pointer goes up on the element it went down on, which is gone. When the pointer goes
 * up on `control` (the live counterpart) and no click reaches it by the next task, `control` is pressed, so a
 * tap on Send or on a disclosure as the code arrives is not lost. A pointer that leaves or is cancelled
 * presses nothing, as the browser would have.
 */
export function finishPress(control: HTMLElement): void {
  const document = control.ownerDocument;
  let clicked = false;
  const onClick = (event: Event) => {
    if (event.target instanceof Node && control.contains(event.target)) clicked = true;
  };
  const stop = () => {
    document.removeEventListener('pointerup', onUp, true);
    document.removeEventListener('pointercancel', stop, true);
  };
  const onUp = (event: MouseEvent) => {
    stop();
    // A touch's events stay aimed at where it went down (implicit capture), so the point decides.
    const at = typeof document.elementFromPoint === 'function' ? document.elementFromPoint(event.clientX, event.clientY) : event.target;
    if (!(at instanceof Node) || !control.contains(at)) return;
    document.addEventListener('click', onClick, true);
    setTimeout(() => {
      document.removeEventListener('click', onClick, true);
      if (!clicked) press(control);
    }, 0);
  };
  document.addEventListener('pointerup', onUp, true);
  document.addEventListener('pointercancel', stop, true);
}

/**
 * True for a click the island holds back until it is live: a plain click on a link to this site, opening in
 * this tab. Followed at once, it would leave the page with what the reader typed into the shell before the
 * live component could keep it (a tester keeps its form across in-site navigation); the live link follows it.
 */
export function holdsBack(control: Element | null, event: MouseEvent): control is HTMLAnchorElement {
  if (!(control instanceof HTMLAnchorElement) || control.target || control.origin !== window.location.origin) return false;
  // A link within this page (a heading's anchor) leaves nothing behind: it jumps at once.
  if (control.pathname === window.location.pathname && control.search === window.location.search) return false;
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;
}

/**
 * The live counterpart of the shell's button, link or summary, found while both are in the document. Pairing
 * keys include the tag, so a button pairs with the same button whether or not summaries are among the candidates.
 */
export function liveControl(shell: readonly Node[], live: readonly Node[], control: Element): HTMLElement | undefined {
  const counterpart = counterpartOf(shell, live, CLICKABLE, control);
  return counterpart instanceof HTMLElement ? counterpart : undefined;
}

/** Presses the live counterpart of the shell's button or link. */
export function pressAgain(shell: readonly Node[], live: readonly Node[], control: Element): void {
  press(liveControl(shell, live, control));
}

/** Presses `control` (a button only if it is enabled). */
export function press(control: HTMLElement | undefined): void {
  if (control && !(control instanceof HTMLButtonElement && control.disabled)) control.click();
}
