// Random 128-bit identifiers: not guessable, and safe as folder and file names.
import { randomBytes } from 'node:crypto';

const ID_PATTERN = /^[0-9a-f]{32}$/;

export const newId = () => randomBytes(16).toString('hex');
export const isId = (value: string) => ID_PATTERN.test(value);
