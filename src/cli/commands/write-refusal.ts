// A write the confinement rule refuses is the user's bad argument: exit 2 with its one line.
import { WriteRefusedError } from '../../core/adr';
import { UsageError } from '../io';

export function refusalAsUsage(error: unknown): never {
  throw error instanceof WriteRefusedError ? new UsageError(error.message) : error;
}
