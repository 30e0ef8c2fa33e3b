// What a shell reader gives back: the words of each simple command, with offsets, and any syntax errors.

/** A shell word; offsets are UTF-16 indexes into the parsed text. */
export interface ShellWord {
  value: string;
  raw: string;
  start: number;
  end: number;
  dynamic: boolean;
}

export interface ShellCall {
  /** The command's words (assignments before it excluded). */
  words: ShellWord[];
}

export interface ShellError {
  /** UTF-16 offset into the parsed text. */
  offset: number;
  message: string;
  /** The text ended inside an open construct (quote, `\` continuation, `if` without `fi`...). */
  incomplete: boolean;
}

export interface ShellParse {
  calls: ShellCall[];
  errors: ShellError[];
}
