// parseFileName results unwrapped for assertions: the value of a name that must parse, the
// error of one that must be refused (a test fails with the reason when it is the other way).
import { parseFileName, type ParsedFileName } from '../../src/domain/filename';

export function parsedName(name: string): ParsedFileName {
  const result = parseFileName(name);
  if (!result.ok) throw new Error(`expected ${name} to parse: ${result.error}`);
  return result.value;
}

export function refusedName(name: string): string {
  const result = parseFileName(name);
  if (result.ok) throw new Error(`expected ${name} to be refused`);
  return result.error;
}
