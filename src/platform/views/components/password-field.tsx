import { TextField } from './text-field.js';

export interface PasswordFieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** `current-password` on sign-in, `new-password` where one is chosen (lets managers suggest one). */
  autocomplete: 'current-password' | 'new-password';
}

/** A password input. It never takes a value: a password is never sent back in a page. */
export function PasswordField(props: PasswordFieldProps) {
  return <TextField {...props} type="password" spellcheck={false} autocapitalize="none" />;
}
