// Lint rules run inside `npm test`, never only in CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only src/platform/config reads process.env: add a documented variable there.',
        },
      ],
    },
  },
  {
    files: [
      'src/platform/config/**',
      'src/**/*.test.{ts,tsx}',
      'test/**',
      'bench/**',
      'vitest.config.ts',
      '*.config.*',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
