import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderGeneratedFiles, root } from '../../../scripts/generated-files.js';

describe('derived files', () => {
  it.each([...renderGeneratedFiles()])('%s is up to date with rules/catalogue.yaml (run `pnpm generate`)', (path, expected) => {
    expect(readFileSync(`${root}${path}`, 'utf8')).toBe(expected);
  });
});
