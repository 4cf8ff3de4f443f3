// Bytes → string. Gazette text arrives as UTF-8 (with or without BOM) or as
// GB18030/GBK from other converters; anything else is refused with one line.
import { GongbaoError } from '../errors.js';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** Share of control bytes (other than tab, CR, LF, FF, ESC) in a sample: binaries score high. */
function controlRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return 1;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) ctrl++;
  }
  return n === 0 ? 0 : ctrl / n;
}

export function decodeText(bytes: Uint8Array, file?: string): Decoded {
  const where = file ? { file } : {};
  if (bytes.length === 0) throw new GongbaoError('input-empty', '文件为空，不是公报文本', where);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  if (controlRatio(bytes) > 0.01) {
    throw new GongbaoError('input-binary', '这是二进制文件，不是公报文本（可读取 PDF、Word 文档 DOCX、网页 HTML 和文本文件）', where);
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), encoding: 'utf-8', bom };
  } catch {
    // Not valid UTF-8: GB18030 is a superset of GBK and GB2312.
  }
  try {
    return { text: gb18030.decode(body), encoding: 'gb18030', bom: false };
  } catch {
    throw new GongbaoError('input-encoding', '无法识别文本编码（支持 UTF-8 与 GB18030/GBK）', where);
  }
}
