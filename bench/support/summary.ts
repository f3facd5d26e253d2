// The figures the speed goals (issue 14) are judged by, gathered from the benches of one
// `npm run bench` run and printed together at its end, each beside its goal.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import config from '../../playwright.config';
import { printTable } from './stats';

interface Figure {
  what: string;
  value: string;
  goal: string;
  met: boolean | null;
}

const figures: Figure[] = [];

/** `met` null: a figure with no pass/fail (a description). */
export function recordFigure(what: string, value: string, goal: string, met: boolean | null): void {
  figures.push({ what, value, goal, met });
}

function chromiumVersion(): string {
  const path = config.use?.launchOptions?.executablePath;
  if (!path) return "Playwright's Chromium";
  try {
    // Debian's launcher script complains on stderr about its own shell tests; the version is on stdout
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `${path} (version unknown)`;
  }
}

export function printSummary(): void {
  if (figures.length === 0) return;
  console.log(`\n== speed goals (issue 14): ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${chromiumVersion()}`);
  printTable([
    ['what', 'now', 'goal', ''],
    ...figures.map((f) => [f.what, f.value, f.goal, f.met === null ? '' : f.met ? 'met' : 'NOT MET']),
  ]);
}
