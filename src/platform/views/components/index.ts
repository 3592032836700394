export { Button, type ButtonProps } from './button.js';
export { ErrorSummary } from './error-summary.js';
export { Form, type FormProps } from './form.js';
export { fieldId, formErrorsFrom, hasErrors, type FormErrors } from './form-errors.js';
export { PasswordField, type PasswordFieldProps } from './password-field.js';
export { TextField, type TextFieldProps } from './text-field.js';
