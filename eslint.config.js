import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Page content is untrusted: nothing may turn a string into markup or code.
const unsafeSinks = [
  { selector: "MemberExpression[property.name='innerHTML']", message: 'Render page content as text; innerHTML is forbidden.' },
  { selector: "MemberExpression[property.name='outerHTML']", message: 'Render page content as text; outerHTML is forbidden.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'insertAdjacentHTML is forbidden.' },
  { selector: "CallExpression[callee.property.name='createContextualFragment']", message: 'createContextualFragment is forbidden.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'dangerouslySetInnerHTML is forbidden.' },
  { selector: "NewExpression[callee.name='Function']", message: 'new Function is forbidden.' },
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-restricted-syntax': ['error', ...unsafeSinks],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['test/e2e/foreign-extension/**/*.js'],
    languageOptions: { globals: { ...globals.serviceworker, chrome: 'readonly' } },
  },
  {
    // WXT's auto-imports (defineBackground, defineContentScript…) are globals in entrypoints.
    files: ['entrypoints/**'],
    languageOptions: { globals: { defineBackground: 'readonly', defineContentScript: 'readonly' } },
  },
);
