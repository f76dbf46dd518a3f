// Lint rules that hold the architecture: a lib never imports an app, no deep import into another
// lib's src/, and the per-process apps never import apps/all.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const deepLibImport = {
  group: ['@socle/*/*', '**/libs/*/src/**'],
  message: "Importez l'API publique de la lib (@socle/<lib>), pas un fichier de son src/.",
};
const appImport = {
  group: ['**/apps/**', '@socle/agent'],
  message: 'A lib never imports an app.',
};
const testSupportImport = {
  group: ['@test-support/*', '**/test/support/**'],
  message: 'Test fixtures (test/support) are for specs only, never for code that ships.',
};
const allAppImport = {
  group: ['**/apps/all/**', '../../all/**', '../all/**'],
  message: 'apps/api, apps/gateway and apps/worker never import apps/all.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'bench/out/**', '**/*.js', '**/*.mjs', 'apps/console/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-namespace': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepLibImport, appImport] }] },
  },
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepLibImport, appImport, testSupportImport] }] },
  },
  {
    files: ['apps/api/**/*.ts', 'apps/gateway/**/*.ts', 'apps/worker/**/*.ts', 'apps/agent/**/*.ts'],
    // 'warn' until the apps stop reaching into libs/*/src (issue 9 makes it an error).
    rules: { 'no-restricted-imports': ['warn', { patterns: [deepLibImport] }] },
  },
  {
    files: ['apps/api/**/*.ts', 'apps/gateway/**/*.ts', 'apps/worker/**/*.ts'],
    // Each app starts alone with its own bootstrap; only apps/all composes them. The typescript-eslint
    // twin of the rule carries this pattern, so that it can be an error while the one above still warns.
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [allAppImport] }] },
  },
);
