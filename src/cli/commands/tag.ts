import { CliIo, UsageError } from '../io';

export async function runTag(_argv: string[], _io: CliIo): Promise<number> {
  throw new UsageError('the "tag" command is being built');
}
