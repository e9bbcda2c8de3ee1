import type { SourceRange } from '@nvcf-keylint/core';
import { LineCounter } from 'yaml';

/** Offsets to 1-based line/column ranges (end exclusive), from one scan of the text. */
export class Positions {
  readonly lineCounter = new LineCounter();
  readonly #length: number;

  constructor(text: string) {
    this.#length = text.length;
    this.lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineCounter.addNewLine(i + 1);
  }

  range(start: number, end: number): SourceRange {
    const from = this.lineCounter.linePos(Math.max(0, Math.min(start, this.#length)));
    const to = this.lineCounter.linePos(Math.max(0, Math.min(Math.max(end, start), this.#length)));
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  }
}
