// Offset ↔ line/column conversion over one text, computed once per document.
import type { Point, Span } from '../core/types.ts';

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function makePointAt(lineStarts: ArrayLike<number>, textLength: number): (offset: number) => Point {
  const lastLine = lineStarts.length - 1;
  // Offsets mostly come in document order, a few to a line: the previous answer's line, or the next, is tried first.
  let previous = 0;
  const holds = (line: number, offset: number) => lineStarts[line] <= offset && (line === lastLine || offset < lineStarts[line + 1]);
  return (rawOffset: number) => {
    const offset = Math.max(0, Math.min(rawOffset, textLength));
    let low = previous;
    if (!holds(low, offset)) {
      if (low < lastLine && holds(low + 1, offset)) low++;
      else {
        low = 0;
        let high = lastLine;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if (lineStarts[mid] <= offset) low = mid;
          else high = mid - 1;
        }
      }
    }
    previous = low;
    return { line: low + 1, column: offset - lineStarts[low] + 1, offset };
  };
}

export function spanOf(pointAt: (offset: number) => Point, start: number, end: number): Span {
  return { start: pointAt(start), end: pointAt(Math.max(start, end)) };
}

/** Maps an offset inside a block's value to a document offset, line by line (blocks in lists are indented). */
export function offsetInBlock(value: string, lineOffsets: number[], offset: number): number {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < value.length; i++) {
    if (value[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return (lineOffsets[line] ?? lineOffsets[lineOffsets.length - 1] ?? 0) + (offset - lineStart);
}
