// docs/csv-layouts.md is the validator's tables in print: regenerate it (npm run docs:layouts)
// whenever a layout changes.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { LAYOUTS_DOC, renderLayoutsDoc } from '../../server/csv-layouts-doc';

it('docs/csv-layouts.md matches the layout tables', () => {
  expect(readFileSync(LAYOUTS_DOC, 'utf8')).toBe(renderLayoutsDoc());
});
