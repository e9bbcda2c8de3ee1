import type { SourceRange } from '@nvcf-keylint/core';

interface Segment {
  /** Offset in the embedded text. */
  start: number;
  length: number;
  line: number;
  column: number;
}

/**
 * Text taken from pieces of a file (the lines of a `run: |` block, a Makefile recipe with make's
 * `$$` undone, a Dockerfile RUN), remembering where each piece came from, so that a position in
 * the text maps back to the exact line and column of the original file.
 */
export class EmbeddedText {
  text = '';
  readonly #segments: Segment[] = [];

  /** Appends `piece`, which starts at `line`:`column` (1-based) of the file and has no newline. */
  append(piece: string, line: number, column: number): this {
    this.#segments.push({ start: this.text.length, length: piece.length, line, column });
    this.text += piece;
    return this;
  }

  /** Appends text that is not in the file (a newline between pieces, a placeholder). */
  appendSynthetic(text: string): this {
    this.text += text;
    return this;
  }

  /** Every line of a whole file, mapped one to one. */
  static ofFile(text: string): EmbeddedText {
    const embedded = new EmbeddedText();
    text.split('\n').forEach((line, i) => {
      if (i > 0) embedded.appendSynthetic('\n');
      embedded.append(line, i + 1, 1);
    });
    return embedded;
  }

  /** The file position of an offset of the text (a synthetic character maps to the end of the piece before it). */
  position(offset: number): { line: number; column: number } {
    const segments = this.#segments;
    if (segments.length === 0) return { line: 1, column: 1 };
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((segments[mid] as Segment).start <= offset) low = mid;
      else high = mid - 1;
    }
    const segment = segments[low] as Segment;
    const within = Math.min(Math.max(0, offset - segment.start), segment.length);
    return { line: segment.line, column: segment.column + within };
  }

  range(start: number, end: number): SourceRange {
    const from = this.position(start);
    const to = this.position(Math.max(start, end));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  /**
   * The text between two offsets, as an embedded text of its own that maps to the same file: the
   * pieces it overlaps, cut to it, so a line made of several pieces (a folded scalar) keeps each.
   */
  slice(start: number, end: number): EmbeddedText {
    const part = new EmbeddedText();
    part.text = this.text.slice(start, end);
    // Where the slice begins, for synthetic text before its first piece.
    const first = this.position(start);
    part.#segments.push({ start: 0, length: 0, line: first.line, column: first.column });
    for (const segment of this.#segments) {
      const from = Math.max(segment.start, start);
      const to = Math.min(segment.start + segment.length, end);
      if (to <= from) continue;
      part.#segments.push({ start: from - start, length: to - from, line: segment.line, column: segment.column + (from - segment.start) });
    }
    return part;
  }

  /** Appends another embedded text, keeping where its pieces came from. */
  appendEmbedded(other: EmbeddedText): this {
    const shift = this.text.length;
    for (const segment of other.#segments) this.#segments.push({ ...segment, start: segment.start + shift });
    this.text += other.text;
    return this;
  }

  /**
   * A copy in which every match of `pattern` (global) becomes `replacement(match)`: synthetic
   * text, mapped to where the match was. Used to undo make's `$$` and to stand in for CI
   * expressions that are substituted before the shell runs.
   */
  replace(pattern: RegExp, replacement: (match: RegExpMatchArray) => string): EmbeddedText {
    const result = new EmbeddedText();
    let last = 0;
    for (const match of this.text.matchAll(pattern)) {
      const start = match.index ?? 0;
      result.appendEmbedded(this.slice(last, start));
      const at = this.position(start);
      result.append('', at.line, at.column).appendSynthetic(replacement(match));
      last = start + match[0].length;
    }
    return result.appendEmbedded(this.slice(last, this.text.length));
  }
}
