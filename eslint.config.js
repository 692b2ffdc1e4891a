// Lint rules for all TypeScript in the workspace. Formatting is prettier's job, not eslint's.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'rendered/**',
      '.nx/**',
      'libs/validate/schemas/**',
      'tmp/**',
      'vendor/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Module boundaries from the tags the Nx plugin infers (tools/nx-plugin): apps never import
    // other apps or tools, libs import only libs (and never in a cycle), tools import libs and
    // other tools' entry points only. The CLI loads apps by path, never by import.
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: false,
          // The CLI imports a command's libraries only when that command runs (start-up time);
          // that is not a reason to forbid static imports of the same libraries elsewhere.
          checkDynamicDependenciesExceptions: ['@platform/*'],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
          ],
        },
      ],
    },
  },
);
