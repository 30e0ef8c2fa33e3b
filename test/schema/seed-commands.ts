// A line-based reader of the `cargo-ai` commands in the seed documents (scraped web pages): a line starting
// with `cargo-ai ` or `npx @cargo-ai/cli ` opens a command, trailing `# comments` are dropped, and a final
// backslash joins the next line. Good enough for these pages; skill files go through the real shell parser.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface SeedCommand {
  /** `000_91d548aa0cf8ab7c.txt:67` (the line the command starts on). */
  where: string;
  text: string;
}

const OPENS = /^(?:cargo-ai|npx @cargo-ai\/cli)\s+\S/;

/** Cuts a `# comment` that starts outside quotes after whitespace. */
function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && i > 0 && /\s/.test(line[i - 1])) return line.slice(0, i).trimEnd();
  }
  return line.trimEnd();
}

export function seedCommands(dir: string): SeedCommand[] {
  const out: SeedCommand[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.txt')).sort()) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/);
    for (let index = 0; index < lines.length; index++) {
      if (!OPENS.test(lines[index].trim())) continue;
      const start = index;
      let text = stripComment(lines[index].trim());
      while (text.endsWith('\\') && index + 1 < lines.length) {
        index++;
        text = `${text.slice(0, -1).trimEnd()} ${stripComment(lines[index].trim())}`;
      }
      out.push({ where: `${file}:${start + 1}`, text });
    }
  }
  return out;
}
