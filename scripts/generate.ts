import { writeFileSync } from 'node:fs';
import { renderGeneratedFiles, root } from './generated-files.js';

for (const [path, content] of renderGeneratedFiles()) {
  writeFileSync(`${root}${path}`, content);
  console.log(`wrote ${path}`);
}
