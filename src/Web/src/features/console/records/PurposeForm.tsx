import type { ComponentChildren } from "preact";
import type { RecordPurpose } from "../../../gql/console/graphql";
import { rt } from "./i18n";

/** The purposes an official may give (LEARNING_SERVICE is the xAPI applications' own). */
export const officialPurposes = ["VERIFICATION", "EVALUATION", "SUPPORT"] as const satisfies readonly RecordPurpose[];

/**
 * Asks the purpose of a look at people's record data before anything is read (ADR 0022, 0102): nothing is chosen
 * in advance, the submit button is named for what it opens, and the hint says the person will see the look.
 */
export function PurposeForm({ id, busy, submit, label, children }: {
  id: string;
  busy: boolean;
  submit: (purpose: RecordPurpose) => void;
  label: string;
  children?: ComponentChildren;
}) {
  function onSubmit(e: Event) {
    e.preventDefault();
    const purpose = new FormData(e.currentTarget as HTMLFormElement).get("purpose");
    if (purpose) submit(purpose as RecordPurpose);
  }
  return (
    <form onSubmit={onSubmit} data-testid="purpose-form">
      {children}
      <fieldset>
        <legend>{rt("records.purpose")}</legend>
        <p class="hint" id={`${id}-hint`}>{rt("records.purposeHint")}</p>
        {officialPurposes.map((p) => (
          <label key={p} class="check">
            <input type="radio" name="purpose" value={p} required aria-describedby={`${id}-hint`} /> {rt(`records.purpose.${p}`)}
          </label>
        ))}
      </fieldset>
      <p>
        <button type="submit" disabled={busy}>{label}</button>
      </p>
    </form>
  );
}
