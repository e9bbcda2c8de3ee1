import { describe, expect, it } from 'vitest';
import { EmbeddedText } from '../src/embedded-text.js';

describe('EmbeddedText', () => {
  const text = new EmbeddedText().append('ngc cf \\', 10, 9).appendSynthetic('\n').append('  function list', 11, 9);

  it('maps offsets back to the file', () => {
    expect(text.position(0)).toEqual({ line: 10, column: 9 });
    expect(text.position(4)).toEqual({ line: 10, column: 13 });
    expect(text.position(text.text.indexOf('function'))).toEqual({ line: 11, column: 11 });
    expect(text.range(0, text.text.length)).toEqual({ line: 10, column: 9, endLine: 11, endColumn: 24 });
  });

  it('keeps the mapping through replacements of different length', () => {
    const script = new EmbeddedText().append('echo $$HOME ${{ secrets.X }} done', 3, 7);
    const replaced = script.replace(/\$\$|\$\{\{[^}]*\}\}/g, (m) => (m[0] === '$$' ? '$' : '${__CI_0}'));
    expect(replaced.text).toBe('echo $HOME ${__CI_0} done');
    expect(replaced.position(replaced.text.indexOf('HOME'))).toEqual({ line: 3, column: 14 });
    expect(replaced.position(replaced.text.indexOf('done'))).toEqual({ line: 3, column: 36 });
  });

  it('slices keep their file positions', () => {
    const slice = text.slice(text.text.indexOf('function'), text.text.length);
    expect(slice.text).toBe('function list');
    expect(slice.position(9)).toEqual({ line: 11, column: 20 });
  });
});
