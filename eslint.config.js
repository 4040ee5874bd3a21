// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-server/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['bin/*.js', 'scripts/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    // Imports point one way: client → shared and server → shared, never across.
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/client/**', '**/server/**'], message: 'src/shared imports nothing from client or server.' },
        { group: ['dexie', 'hono', 'hono/*', 'kysely', 'preact', 'preact/*', 'node:*'], message: 'src/shared has no I/O.' },
      ] }],
    },
  },
  {
    files: ['src/client/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', 'hono', 'kysely', 'node:*'], message: 'The client never imports server code.' }] }] },
  },
  {
    files: ['src/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/client/**', 'dexie', 'preact', 'preact/*'], message: 'The server never imports client code.' }] }] },
  },
  {
    files: ['bin/*.js', 'scripts/*.js', 'eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
