import { CliIo, UsageError } from '../io';

export async function runNew(_argv: string[], _io: CliIo): Promise<number> {
  throw new UsageError('the "new" command is being built');
}
