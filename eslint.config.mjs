// Lint for the whole repository: TypeScript everywhere, React hooks and Atlaskit usage in the Custom UI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import designSystem from '@atlaskit/eslint-plugin-design-system';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'static/*/dist/', '.forge-local/', 'test-artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // A disable comment must say why on the same line.
      'no-warning-comments': 'off',
    },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Atlaskit usage rules for UI code; the plugin's token rule crashes on plain test files, which use no Atlaskit.
    files: ['static/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { '@atlaskit/design-system': designSystem },
    rules: designSystem.configs.recommended.rules,
  },
  {
    // Tests read JSON off the wire and poke at it; typing every probe would add noise, not safety.
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test-helpers.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
