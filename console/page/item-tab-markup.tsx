import type { Child } from 'hono/jsx';
import type { ItemKind } from '../browser/item-tab.ts';
import { type ELEMENTS, type ElementId, id } from '../element-ids.ts';
import type { StaticTextKey } from '../texts/console-texts.ts';
import { Label } from './page-label.tsx';
import { text } from './page-text.ts';

/**
 * A tab of monitors, recurring windows or channels: title, _New_ and _Refresh_, what the tab is for,
 * a notice line, the form (hidden until opened) and the list. Ids follow the pattern item-tab.ts reads.
 */
export function ItemTab(props: {
  kind: ItemKind;
  title: StaticTextKey;
  add: StaticTextKey;
  intro: StaticTextKey;
  children: Child;
  after?: Child;
}) {
  const { kind } = props;
  return (
    <section id={id(`view-${kind}s`)} aria-labelledby={`${kind}s-title`} hidden>
      <div class="row">
        <h2 id={`${kind}s-title`} {...text(props.title)} />
        <button id={id(`new-${kind}`)} type="button" class="primary" {...text(props.add)} />
        <button id={id(`reload-${kind}s`)} type="button" {...text('refresh')} />
      </div>
      <p class="hint intro" {...text(props.intro)} />
      <p id={id(`${kind}s-notice`)} class="notice" role="status" hidden />
      {props.children}
      <ul id={id(`${kind}s-list`)} class="items" aria-live="polite" />
      {props.after}
    </section>
  );
}

/** The form's frame: its title, its fields, the "on" box, the error line, _Save_ and _Cancel_. */
export function ItemForm(props: {
  kind: ItemKind;
  title: StaticTextKey;
  enabled: StaticTextKey;
  children: Child;
}) {
  const { kind } = props;
  return (
    <form id={id(`${kind}-form`)} class="card" novalidate hidden>
      <h3 id={id(`${kind}-form-title`)} {...text(props.title)} />
      {props.children}
      <label class="row choice">
        <input id={id(`${kind}-enabled`)} type="checkbox" checked />
        <span {...text(props.enabled)} />
      </label>
      <p id={id(`${kind}-error`)} class="error" role="alert" />
      <div class="row">
        <button id={id(`${kind}-save`)} type="submit" class="primary" {...text('save')} />
        <button id={id(`${kind}-cancel`)} type="button" {...text('cancel')} />
      </div>
    </form>
  );
}

/** A labelled field in a grid cell. */
export function Field(props: { for: string; k: StaticTextKey; children: Child }) {
  return (
    <div>
      <Label for={props.for} k={props.k} />
      {props.children}
    </div>
  );
}

type InputId = { [K in ElementId]: (typeof ELEMENTS)[K] extends 'input' ? K : never }[ElementId];

/** A labelled text box for an address, a name or a number; `path` names it in refusals. */
export function TextField(props: {
  id: InputId;
  k: StaticTextKey;
  path: string;
  placeholder?: string;
  type?: 'text' | 'email' | 'url' | 'number';
  describedBy?: string;
  /** A variable's name is written in capitals. */
  capitals?: boolean;
}) {
  return (
    <>
      <Label for={props.id} k={props.k} />
      <input
        id={id(props.id)}
        type={props.type ?? 'text'}
        spellcheck={false}
        autocomplete="off"
        data-path={props.path}
        {...(props.placeholder && { placeholder: props.placeholder })}
        {...(props.describedBy && { 'aria-describedby': props.describedBy })}
        {...(props.type === 'number' && { inputmode: 'numeric', min: '1' })}
        {...(props.capitals && { autocapitalize: 'characters' })}
      />
    </>
  );
}
