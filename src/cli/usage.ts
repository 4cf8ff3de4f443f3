// Usage errors (a missing argument, an unknown option or command): one line
// on stderr naming the problem and where the usage is, never the whole help.
import { type Command, CommanderError } from 'commander';

/** A commander error together with the (sub)command that raised it. */
export class UsageError extends Error {
  constructor(
    readonly error: CommanderError,
    readonly command: Command,
  ) {
    super(error.message);
  }
}

function* commandsOf(cmd: Command): Generator<Command> {
  yield cmd;
  for (const sub of cmd.commands) yield* commandsOf(sub);
}

/**
 * Route every command's exits through UsageError, and keep commander from
 * writing its own error text or the help after it (`--help` still prints to
 * stdout). Call once all subcommands are registered.
 */
export function quietUsageErrors(program: Command): void {
  for (const cmd of commandsOf(program)) {
    cmd.configureOutput({ outputError: () => {}, writeErr: () => {} });
    cmd.exitOverride((e) => {
      throw new UsageError(e, cmd);
    });
  }
}

/** `gongbao task edit`: the command's full name as typed. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

const quoted = (s: string) => /'([^']*)'/.exec(s)?.[1] ?? '';

/** The problem in Chinese, read from commander's error code and English message. */
export function usageProblem(e: CommanderError): string {
  const m = e.message.replace(/^error:\s*/, '');
  const first = m.split('\n')[0]!;
  const suggestion = /Did you mean (?:one of )?([^?]+)\?/.exec(m)?.[1];
  const hint = suggestion ? `（您是否要找 ${suggestion}？）` : '';
  switch (e.code) {
    case 'commander.missingArgument':
      return `缺少参数 <${quoted(first)}>`;
    case 'commander.optionMissingArgument':
      return `选项 ${quoted(first)} 缺少取值`;
    case 'commander.missingMandatoryOptionValue':
      return `缺少必需的选项 ${quoted(first)}`;
    case 'commander.unknownOption':
      return `未知的选项 ${quoted(first)}${hint}`;
    case 'commander.unknownCommand':
      return `未知的命令 ${quoted(first)}${hint}`;
    case 'commander.excessArguments': {
      const n = /Expected (\d+) arguments? but got (\d+)/.exec(first);
      return n ? `参数过多：需要 ${n[1]} 个，收到 ${n[2]} 个` : '参数过多';
    }
    case 'commander.help':
      return '缺少子命令';
    case 'commander.invalidArgument':
      return `参数无效：${first}`;
    default:
      return first;
  }
}

/** One line: `gongbao: 缺少参数 <file>。用法见 gongbao parse --help`. */
export function usageLine(e: UsageError): string {
  // An unknown command is reported by the parent; its help lists the commands.
  return `gongbao: ${usageProblem(e.error)}。用法见 ${commandPath(e.command)} --help`;
}
