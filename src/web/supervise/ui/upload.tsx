// 载入公报: an editor gives the library a file as the office has it (an issue
// or a 公文 as PDF, DOCX, a saved web page or text) and sees what was read.
import type { FC } from 'hono/jsx';
import type { Session } from '../../../supervise/auth.js';
import type { IngestResult } from '../../../store/ingest.js';
import { chinaTime } from '../../../supervise/calendar.js';
import { CsrfField, SvPage, type Flash } from './frame.js';
import { Empty } from './parts.js';

export interface RecentSource {
  file: string;
  encoding: string;
  ingestedAt: string;
  documents: { id: number; docNumber: string | null; title: string }[];
}

export interface UploadData {
  result?: IngestResult | null;
  recent: RecentSource[];
}

const STATUS = { added: '已新增', 'new-version': '已载入为新版本', unchanged: '此文件已载入过，未作改动' } as const;
const FORMAT: Record<string, string> = { pdf: 'PDF', docx: 'Word 文档', html: '网页' };

export const UploadPage: FC<{ session: Session; data: UploadData; flash?: Flash | null }> = ({ session, data, flash }) => (
  <SvPage title="载入公报" session={session} active="upload" flash={flash}>
    <h1 class="page-title">载入公报或公文</h1>
    <p class="page-lead">选择一期公报或一件公文的文件：PDF（含扫描件，自动识别文字）、Word 文档（DOCX）、保存的网页（HTML）或文本。同一文件重复载入不会改变任何内容；无法读取的文件不会写入文库。</p>
    <form method="post" action="/supervise/upload" enctype="multipart/form-data" class="panel sv-upload">
      <CsrfField session={session} />
      <label for="u-file">文件</label>
      <input id="u-file" type="file" name="file" required accept=".pdf,.docx,.html,.htm,.txt,.md,application/pdf" />
      <label class="sv-check"><input type="checkbox" name="replace" value="1" /> 确认替换：新版本的公文少于当前版本时，仍设为当前版本</label>
      <button type="submit">载入</button>
    </form>
    {data.result ? (
      <section class="panel" aria-labelledby="u-result">
        <h2 id="u-result" class="panel-title">{data.result.file}：{STATUS[data.result.status]}</h2>
        <p>第 {data.result.version} 版，{data.result.documents} 件公文，{data.result.diagnostics.filter((d) => d.severity === 'warning').length} 条警告。</p>
        {data.result.diagnostics.some((d) => d.code === 'pdf-ocr') ? (
          <ul>{data.result.diagnostics.filter((d) => d.code === 'pdf-ocr').map((d) => <li>{d.message}</li>)}</ul>
        ) : null}
      </section>
    ) : null}
    <section class="panel" aria-labelledby="u-recent">
      <h2 id="u-recent" class="panel-title">最近载入的文件</h2>
      {data.recent.length ? (
        <table class="data sv-table">
          <thead><tr><th scope="col">文件</th><th scope="col">格式</th><th scope="col">载入时间</th><th scope="col">公文</th></tr></thead>
          <tbody>
            {data.recent.map((r) => (
              <tr>
                <td>{r.file}</td>
                <td>{FORMAT[r.encoding] ?? '文本'}</td>
                <td><time datetime={r.ingestedAt}>{chinaTime(r.ingestedAt)}</time></td>
                <td>{r.documents.length ? r.documents.map((d) => <a href={`/documents/${d.id}`} title={d.title}>{d.docNumber ?? d.title.slice(0, 20)}</a>) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <Empty text="文库中还没有载入的文件。" />}
    </section>
  </SvPage>
);
