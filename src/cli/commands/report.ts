import { CliIo, UsageError } from '../io';

export async function runReport(_argv: string[], _io: CliIo): Promise<number> {
  throw new UsageError('the "report" command is being built');
}
