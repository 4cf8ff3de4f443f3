// The shapes a PDF's text passes through: runs as pdf.js gives them, pages,
// and the lines the layout builds from them (shared by layout and tables).

export interface PdfRun {
  str: string;
  /** Left edge and baseline in points, y measured from the top of the page. */
  x: number;
  y: number;
  w: number;
  size: number;
}

export interface PdfPage {
  no: number;
  width: number;
  height: number;
  runs: PdfRun[];
}

export interface PdfLine {
  page: number;
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
  /** On a two-column page: 0 for the left column, 1 for the right. */
  column?: number;
  /** The line's number on its page, counted from the top over the lines kept as content. */
  no?: number;
  /** Pieces separated by wide gaps (cells, or the two halves of a two-column line). */
  segments: Segment[];
  /** Pieces separated by any gap of half a character or more: the cells of a narrow table. */
  pieces?: Segment[];
}

export interface Segment {
  x0: number;
  x1: number;
  text: string;
}
