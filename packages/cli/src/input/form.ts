// The three JSON forms a schedule comes in, told apart by their marker key, so one given to the
// wrong option gets "use --keras" instead of a complaint about a key its own reader never expects.
import { UsageError } from "../errors";

export type Form = "spec" | "keras" | "torch";

const FORMS: readonly { form: Form; key: string; name: string }[] = [
  { form: "torch", key: "_target_", name: "a PyTorch config" },
  { form: "keras", key: "class_name", name: "a Keras config" },
  { form: "spec", key: "type", name: "an lrsched spec" },
];

/** The form a parsed JSON value has by its marker key (`_target_`, `class_name`, `type`), if any. */
export function formOf(value: unknown): Form | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return FORMS.find(({ key }) => Object.hasOwn(value, key))?.form;
}

/** Refuses a value of another form than `--<option>` reads, naming the option that reads it. */
export function checkForm(option: Form, where: string, value: unknown): void {
  const found = FORMS.find(({ form }) => form === formOf(value));
  if (found && found.form !== option) {
    throw new UsageError(`${where}: this looks like ${found.name}: use --${found.form}`);
  }
}
