// @ts-check
/**
 * Matches the style the code was written in. The width is the one whose reformat of the tree
 * changed the fewest lines (measured over 120–200: 163 → 112 files, 1,162 lines; 160 → 115 files,
 * 1,238 lines; 150 → 115 files, 1,339 lines; 140 → 120 files, 1,712 lines).
 * @type {import('prettier').Config}
 */
export default {
  printWidth: 163,
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
};
