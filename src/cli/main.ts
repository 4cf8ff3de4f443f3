// The `gongbao` command. Each subcommand lives in its own module; this file
// wires them up and turns user errors into one line on stderr: usage errors
// (exit 2) with where to read the usage, GongbaoErrors (exit 1).
import { Command } from 'commander';
import { isGongbaoError } from '../errors.js';
import { registerParse } from './parse-command.js';
import { registerServe } from './serve-command.js';
import { registerUnits } from './units-command.js';
import { registerIngest } from './ingest-command.js';
import { registerSearch } from './search-command.js';
import { registerLibrary } from './library-command.js';
import { registerTask } from './task-command.js';
import { registerShare } from './share-command.js';
import { registerUser } from './user-command.js';
import { registerCalendar } from './calendar-command.js';
import { registerEditorial } from './editorial-command.js';
import { quietUsageErrors, UsageError, usageLine } from './usage.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('gongbao')
    .description('公报通：政府公报的结构化文库、检索门户与督办系统');
  registerParse(program);
  registerServe(program);
  registerUnits(program);
  registerIngest(program);
  registerSearch(program);
  registerLibrary(program);
  registerTask(program);
  registerShare(program);
  registerUser(program);
  registerCalendar(program);
  registerEditorial(program);
  quietUsageErrors(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.error.exitCode === 0) return 0; // --help, help
      process.stderr.write(`${usageLine(e)}\n`);
      return 2;
    }
    if (isGongbaoError(e)) {
      process.stderr.write(`gongbao: ${e.toLine()}\n`);
      return 1;
    }
    throw e;
  }
}

// A closed pipe (`gongbao search … | head`) ends output quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const code = await run(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
