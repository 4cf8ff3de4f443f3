// One line of a source file: what every stage after text/ reads.

export interface SourceLine {
  /** 1-based line number in the source file. */
  no: number;
  /** The line exactly as read (without its line terminator). */
  raw: string;
  /** Normalized text: markup removed, widths unified, CJK spacing removed. */
  text: string;
  /** Blank, or page furniture (footer, rule): carries no content. */
  blank: boolean;
  /** Markdown heading residue on the original line. */
  heading: boolean;
  listItem: boolean;
  bold: boolean;
  /** Tab-separated cells, normalized, when the raw line contains a tab. */
  cells: string[] | null;
  /** A running header or footer learned from its repetition at page breaks (blanked). */
  runningHead?: true;
}
