import type { ComponentChildren } from 'preact';

export interface ButtonProps {
  children: ComponentChildren;
  /** `secondary` for the less likely action beside a primary one. */
  variant?: 'primary' | 'secondary';
  /** Set when a form has two actions, to tell them apart on the server. */
  name?: string;
  value?: string;
}

/** A submit button. Pages have no scripts, so every button submits its form. */
export function Button({ children, variant = 'primary', name, value }: ButtonProps) {
  return (
    <button
      type="submit"
      class={variant === 'secondary' ? 'secondary' : undefined}
      name={name}
      value={value}
    >
      {children}
    </button>
  );
}
