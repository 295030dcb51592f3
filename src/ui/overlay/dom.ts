/**
 * The pill's element builder. The pill is drawn into every EHR page, so it is built with plain DOM calls
 * rather than a UI framework loaded into each frame. Text always goes in as text nodes (note quotes can never
 * become markup), and attributes through setAttribute; there is no innerHTML anywhere in the pill.
 */

/** What a child may be: a node, text, or nothing (false, null and undefined are skipped), or a list of them. */
export type Child = Node | string | false | null | undefined | readonly Child[];

type Listeners = { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };

/**
 * Attributes by their HTML names (`class`, `aria-label`, `tabindex`). `true` writes the bare attribute,
 * `false` and `undefined` leave it out. `on` holds event listeners by event name.
 */
export type Attributes = { on?: Listeners } & {
  [name: string]: string | number | boolean | undefined | Listeners;
};

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Attributes | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (name === 'on') {
      for (const [type, listener] of Object.entries(value as Listeners))
        element.addEventListener(type, listener as EventListener);
    } else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    if (typeof child === 'string') parent.appendChild(document.createTextNode(child));
    else if (child instanceof Node) parent.appendChild(child);
    else append(parent, child);
  }
}

/**
 * Sets or removes an attribute only when it changes: every write, even of the same value, is a mutation the
 * browser must process, and the pill is redrawn on each report.
 */
export function setAttr(element: Element, name: string, value: string | boolean | undefined): void {
  const next = value === true ? '' : value === false || value === undefined ? null : value;
  if (element.getAttribute(name) === next) return;
  if (next === null) element.removeAttribute(name);
  else element.setAttribute(name, next);
}

export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * Puts `node` in `parent` before `before` (or at the end) when `shown`, takes it out otherwise. A node that is
 * already in place is left alone, so a control the coder has focused keeps its focus across redraws.
 */
export function showIn(parent: Node, node: Node, shown: boolean, before: Node | null = null): void {
  if (!shown) {
    if (node.parentNode === parent) parent.removeChild(node);
    return;
  }
  if (node.parentNode !== parent) parent.insertBefore(node, before);
}
