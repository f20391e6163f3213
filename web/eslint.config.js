import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['home', 'campaigns', 'invoices', 'identity', 'profiles', 'batches', 'audit', 'access', 'inbox',
  'retention', 'platform'];

/**
 * One direction: shared (components, lib) -> features -> app. A feature never imports another feature, and shared
 * code imports neither features nor the app (as ArchUnit checks the services' packages).
 */
const featureBoundaries = FEATURES.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        {
          regex: `^@/features/(?!${feature}/)`,
          message: `A feature never imports another feature: move what ${feature} needs into src/components or src/lib.`,
        },
        { regex: `^(\\.\\./)+(?!${feature}/)[a-z]+/(api|components|routes)`,
          message: 'A feature never imports another feature (relative path).' },
        { regex: '^@/app(/|$)', message: 'Features do not import the app shell.' },
        { regex: '^(\\.\\./)+app(/|$)', message: 'Features do not import the app shell.' },
      ],
    }],
  },
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'target', 'test-results', 'playwright-report', 'src/lib/api/generated'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error',
        { selector: "JSXAttribute[name.name='style']", message: 'No inline styles: the CSP forbids them. Use a CSS class.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: the CSP forbids it.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function: the CSP forbids it.' },
        { selector: "MemberExpression[object.name=/^(localStorage|sessionStorage)$/]",
          message: 'Nothing in web storage: the browser holds no token and no tenant data.' },
      ],
    },
  },
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^@/(features|app)(/|$)', message: 'Shared code (components, lib) imports no feature and not the app.' },
          { regex: '^(\\.\\./)+(features|app)(/|$)', message: 'Shared code imports no feature and not the app.' },
        ],
      }],
    },
  },
  ...featureBoundaries,
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.mjs', 'vite.config.ts', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
);
