import type { StaticTextKey } from '../texts/console-texts.ts';
import { EN } from '../texts/en.ts';

/** A field's label whose word the program can switch to the administrator's language. */
export function Label(props: { for: string; k: StaticTextKey }) {
  return (
    <label for={props.for} data-text={props.k}>
      {EN[props.k]}
    </label>
  );
}
