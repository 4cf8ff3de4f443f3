// One error class for every user-facing failure. The CLI prints `message`
// as one line; the web layer maps `status` to an HTTP response. Anything that
// is not a GongbaoError is a programmer error and may surface as a stack.

export type ErrorCode =
  | 'input-missing'
  | 'input-directory'
  | 'input-empty'
  | 'input-binary'
  | 'input-encoding'
  | 'input-docx'
  | 'input-html'
  | 'input-pdf'
  | 'input-not-gazette'
  | 'bad-argument'
  | 'not-found'
  | 'forbidden'
  | 'conflict'
  | 'unauthorized'
  | 'too-many-requests';

const HTTP_STATUS: Record<ErrorCode, number> = {
  'input-missing': 400,
  'input-directory': 400,
  'input-empty': 400,
  'input-binary': 400,
  'input-encoding': 400,
  'input-docx': 400,
  'input-html': 422,
  'input-pdf': 422,
  'input-not-gazette': 422,
  'bad-argument': 400,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  unauthorized: 401,
  'too-many-requests': 429,
};

export class GongbaoError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(code: ErrorCode, message: string, where: { file?: string; line?: number } = {}) {
    super(message);
    this.name = 'GongbaoError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  /** One line, `file:line: message`, for terminals. */
  toLine(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    return `${where}${this.message}`;
  }
}

export const isGongbaoError = (e: unknown): e is GongbaoError => e instanceof GongbaoError;
