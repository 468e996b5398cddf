import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronImport = {
  paths: [{ name: 'electron', message: 'Only electron/shell and electron/preload may import electron.' }],
  patterns: [{ group: ['electron-store'], message: 'electron-store imports electron: use it in electron/shell only.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core, bridge, contract and host run on plain Node.js.
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': ['error', electronImport] },
  },
  {
    // The contract is shared by every side: it may import zod and nothing of Node.
    files: ['electron/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...electronImport, patterns: [...electronImport.patterns, { group: ['node:*', '../*'], message: 'The contract imports zod only.' }] },
      ],
    },
  },
  {
    // Data flows renderer -> contract -> bridge: the renderer reaches electron/ only through the contract.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronImport.paths,
          patterns: [
            {
              regex: '^(\\.\\./)+electron/(?!contract(/|$))',
              message: 'The renderer imports from electron/contract only.',
            },
            { group: ['node:*'], message: 'The renderer runs in a browser.' },
          ],
        },
      ],
    },
  },
);
