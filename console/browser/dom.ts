import { ELEMENTS, type ElementId, type ElementOf } from '../element-ids.ts';

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

/**
 * An element of the page by its id from the shared map, checked to be the element the map names: a
 * page that lost or changed it fails loudly at start instead of acting on the wrong element.
 */
export function byId<Id extends ElementId>(id: Id): ElementOf<Id> {
  const node = document.getElementById(id);
  const tag = ELEMENTS[id];
  if (!node || node.tagName.toLowerCase() !== tag) {
    throw new Error(`the console page has no <${tag} id="${id}">`);
  }
  return node as ElementOf<Id>;
}

export function setText(node: HTMLElement, text: string): void {
  node.textContent = text;
  node.hidden = text === '';
}

/** A button that runs `act` when pressed; a running action is not started twice. */
export function actionButton(cls: string, label: string, act: () => unknown): HTMLButtonElement {
  const button = el('button', { type: 'button', class: cls }, label);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await act();
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
