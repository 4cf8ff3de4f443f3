// Reading user-named files: every failure becomes one GongbaoError line.
import { readFileSync, statSync } from 'node:fs';
import { GongbaoError } from '../errors.js';

export function readInputFile(path: string): Uint8Array {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new GongbaoError('input-missing', '文件不存在', { file: path });
  }
  if (st.isDirectory()) throw new GongbaoError('input-directory', '这是一个目录，请指定公报文本文件', { file: path });
  try {
    return readFileSync(path);
  } catch (e) {
    throw new GongbaoError('input-missing', `无法读取文件（${(e as NodeJS.ErrnoException).code ?? '未知错误'}）`, { file: path });
  }
}
