/**
 * The console's only way to build DOM: text always goes in as text nodes (never innerHTML), and
 * attribute names are constants in our code, so no administrator text can become markup.
 */
export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`console page has no #${id}`);
  return node as T;
}

export function setText(node: HTMLElement, text: string): void {
  node.textContent = text;
  node.hidden = text === '';
}

export function show(node: HTMLElement, visible: boolean): void {
  node.hidden = !visible;
}
