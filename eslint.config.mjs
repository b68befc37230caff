import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const RESTIFY_ONLY_IN_INDEX = { name: 'restify', message: 'restify lives only in src/index.ts.' };
const RESTIFY_PARTS_ONLY_IN_INDEX = { group: ['restify/*'], message: 'restify lives only in src/index.ts.' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.scratch/', 'public/vendor/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through src/config.ts.' },
      ],
    },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', fetch: 'readonly', URLSearchParams: 'readonly' },
    },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  {
    files: ['src/index.ts', 'src/cli/**', 'bench/**', 'test/**', 'scripts/**', 'vitest.config.mts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/**', 'dialogs/**'],
    ignores: ['src/index.ts', 'src/restify-parts.d.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [RESTIFY_ONLY_IN_INDEX], patterns: [RESTIFY_PARTS_ONLY_IN_INDEX] }] },
  },
  {
    files: ['src/search/**', 'src/knowledge/**', 'src/i18n/**', 'src/cards/**', 'src/replies/**', 'src/timeline/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [RESTIFY_ONLY_IN_INDEX],
          patterns: [RESTIFY_PARTS_ONLY_IN_INDEX, { group: ['botbuilder*'], message: 'Keep this module free of the Bot Framework SDK (portability to the Agents SDK).' }],
        },
      ],
    },
  },
);
