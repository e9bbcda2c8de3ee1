import { writeFileSync } from 'node:fs';
import { renderDocs, renderGeneratedFiles, root } from './generated-files.js';

for (const [path, content] of [...renderGeneratedFiles(), ...(await renderDocs())]) {
  writeFileSync(`${root}${path}`, content);
  console.log(`wrote ${path}`);
}
